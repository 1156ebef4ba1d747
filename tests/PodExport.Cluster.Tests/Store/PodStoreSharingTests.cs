using PodExport.Cluster.Tests.Fixtures;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Store;

/// <summary>What pods of one workload hold once between them, and what an unchanged update keeps.</summary>
public sealed class PodStoreSharingTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static k8s.Models.V1Pod RsPod(string name, string uid) =>
        Pod(
            name,
            uid,
            owners: [Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid)],
            labels: new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = "7d9c6b5f4" },
            statuses: [Running("app", "containerd://" + uid, "2024-05-01T10:00:00Z", imageId: "docker.io/library/nginx@sha256:aa")]);

    [Fact]
    public void Store_PodsOfOneReplicaSet_ShareLabelsListsAndOwner()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);

        store.OnList([Added(RsPod("web-a", "a")), Added(RsPod("web-b", "b"))], initial: true);

        var pods = store.TakeSnapshot().Pods;
        Assert.Equal(2, pods.Count);
        Assert.Same(pods[0].Attributes.Labels, pods[1].Attributes.Labels);
        Assert.Same(pods[0].Attributes.Images, pods[1].Attributes.Images);
        Assert.Same(pods[0].ContainerNames, pods[1].ContainerNames);
        Assert.Same(pods[0].LiveImageDigests, pods[1].LiveImageDigests);
        Assert.Equal(["app:spec", "app:1"], pods[0].Attributes.Images);
        var (a, b) = (store.Find("a")!, store.Find("b")!);
        Assert.Same(a.Owner, b.Owner);
        Assert.Same(a.OwnerReferences, b.OwnerReferences);
    }

    [Fact]
    public void Store_UnchangedUpdate_KeepsStateParts()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(RsPod("web-a", "a"))], initial: true);
        var before = store.Find("a")!;

        store.OnEvent(Modified(RsPod("web-a", "a")));

        var after = store.Find("a")!;
        Assert.Same(before.Record, after.Record);
        Assert.Same(before.OwnerReferences, after.OwnerReferences);
        Assert.Same(before.History, after.History);
    }

    [Fact]
    public void Store_UpdateChangingOnlyRestartCount_SharesTheLine()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(RsPod("web-a", "a"))], initial: true);
        var before = store.Find("a")!;
        var restarted = RsPod("web-a", "a");
        restarted.Status.ContainerStatuses[0].RestartCount = 4;

        store.OnEvent(Modified(restarted));

        var after = store.Find("a")!;
        Assert.NotSame(before.Record, after.Record);
        Assert.Same(before.Record.Line, after.Record.Line);
        Assert.Equal(4, after.Record.Attributes.RestartCount);
        Assert.Same(before.Record.Id, after.Record.Id);
        Assert.Same(before.Record.Name, after.Record.Name);
    }

    [Fact]
    public void Store_TerminatedWithoutIdOrFinish_RecordedOnceAcrossUpdates()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(Finished())], initial: true);

        // Kubernetes gave no finish time: finished is the observation time, but the key keeps it absent (M-19).
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        store.OnEvent(Modified(Finished()));
        _harness.Time.Advance(TimeSpan.FromMinutes(1));
        store.OnEvent(Modified(Finished()));

        var state = store.Find("f")!;
        Assert.Equal(1, state.HeldInstances);
        var instance = Assert.Single(Assert.Single(state.History.Wire).Instances);
        Assert.Equal(("", "Completed"), (instance.InstanceId!.Id, instance.TerminationReason));
        Assert.Equal(state.Record.Line, Model.Json.PodJsonWriter.RenderLine(state.Record.Pod));

        static k8s.Models.V1Pod Finished()
        {
            var status = Running("job", "", "2024-05-01T10:00:00Z");
            status.State = new k8s.Models.V1ContainerState { Terminated = Terminated("", 0, "Completed", "2024-05-01T10:00:00Z", finishedAt: null) };
            return Pod("web-f", "f", owners: [Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid)], statuses: status);
        }
    }
}
