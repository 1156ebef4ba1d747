using System.Text;
using PodExport.Cluster.Tests.Fixtures;
using PodExport.Model.Wire;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Store;

/// <summary>pod-model §11 and its follow-ups, end to end through the store.</summary>
public sealed class PodStoreWorkedExampleTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private void ListOwnersAndPod()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(WorkedExample.Pod())], initial: true);
    }

    [Fact]
    public void Store_WorkedExample_RendersExpectedLine()
    {
        ListOwnersAndPod();

        var record = Assert.Single(_harness.Store.TakeSnapshot().Pods);

        Assert.Equal(WorkedExample.ExpectedLine + "\n", Encoding.UTF8.GetString(record.Line));
        Assert.Equal(("web", "Deployment"), (record.Attributes.OwnerName, record.Attributes.OwnerKind));
        Assert.Equal("web", record.Attributes.OwnerLabels["app"]);
        Assert.Equal(1, record.Attributes.RestartCount);
        Assert.Equal("prod", record.Attributes.ClusterName);
        Assert.Equal(WorkedExample.PodUid, record.Attributes.PodUid);
        Assert.False(record.Attributes.Deleted);
    }

    [Fact]
    public void Store_CrashLoopBackOff_BucketGrowsAndLiveAppHasEmptyIdFirst()
    {
        ListOwnersAndPod();

        _harness.Store.OnEvent(Modified(WorkedExample.CrashLoop()));

        var pod = Assert.Single(_harness.Store.TakeSnapshot().Pods).Pod;
        var bucket = Assert.Single(pod.TerminatedInstances);
        Assert.Equal([WorkedExample.AppRun1, WorkedExample.AppRun2], bucket.Instances.Select(i => i.InstanceId!.Id));
        Assert.Equal(("Error", 1), (bucket.Instances[1].TerminationReason, bucket.Instances[1].ExitCode));
        Assert.Equal(["app", "log"], pod.LiveInstances.Select(i => i.ContainerName));
        var app = pod.LiveInstances[0];
        Assert.Equal(new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, "", "worker-1"), app.InstanceId);
        Assert.Null(app.Started);
    }

    [Fact]
    public void Store_SameUpdateTwice_ChangesNothing()
    {
        ListOwnersAndPod();
        _harness.Store.OnEvent(Modified(WorkedExample.CrashLoop()));
        var before = _harness.Store.TakeSnapshot();

        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        _harness.Store.OnEvent(Modified(WorkedExample.CrashLoop()));
        var after = _harness.Store.TakeSnapshot();

        Assert.Same(before.Pods[0], after.Pods[0]);
        Assert.Same(before.Pods, after.Pods);
    }

    [Fact]
    public void Store_DeletedWhileDeploymentExists_RetainedWithPodDeletedInstances()
    {
        ListOwnersAndPod();
        var deletedAt = _harness.Time.GetUtcNow();

        _harness.Store.OnEvent(Deleted(WorkedExample.Pod()));

        var record = Assert.Single(_harness.Store.TakeSnapshot().Pods);
        Assert.Empty(record.Pod.LiveInstances);
        Assert.True(record.Attributes.Deleted);
        Assert.Equal(deletedAt, record.Attributes.DeletedAt);
        Assert.Equal(WorkedExample.DeploymentUid, record.Pod.DeploymentId);
        var app = record.Pod.TerminatedInstances[0].Instances;
        Assert.Equal([WorkedExample.AppRun1, WorkedExample.AppRun2], app.Select(i => i.InstanceId!.Id));
        Assert.Equal(("PodDeleted", 0, Timestamp.FromDateTimeOffset(deletedAt)), (app[1].TerminationReason, app[1].ExitCode, app[1].Finished!.Value));
        var log = Assert.Single(record.Pod.TerminatedInstances[1].Instances);
        Assert.Equal(("log", "PodDeleted", WorkedExample.LogRun1), (log.ContainerName, log.TerminationReason, log.InstanceId!.Id));
        Assert.Equal("sha256:836ff184e7b41b1e13cb5fd89fa1de98dbbab99e9d2918913ff43b86a5c7c213", log.ImageDigest);
        Assert.Equal(1, _harness.Store.RetainedPodCount);
        Assert.Equal(0, _harness.Store.LivePodCount);
    }

    [Fact]
    public void Store_RetainedPod_GoneAtOneHourViewTime()
    {
        ListOwnersAndPod();
        _harness.Store.OnEvent(Deleted(WorkedExample.Pod()));

        _harness.Time.Advance(TimeSpan.FromHours(1) - TimeSpan.FromTicks(1));
        Assert.Single(_harness.Store.TakeSnapshot().Pods);

        // Deletion time + retention at or before the view time: not exported (M-26 (2)).
        _harness.Time.Advance(TimeSpan.FromTicks(1));
        Assert.Empty(_harness.Store.TakeSnapshot().Pods);
        Assert.Equal(0, _harness.Store.RetainedPodCount);
    }

    [Fact]
    public void Store_RetainedPod_GoneWhenDeploymentDeleted()
    {
        ListOwnersAndPod();
        _harness.Store.OnEvent(Deleted(WorkedExample.Pod()));

        _harness.Store.OnEvent(Deleted(WorkedExample.Deployment));

        Assert.Empty(_harness.Store.TakeSnapshot().Pods);
        Assert.Null(_harness.Store.Find(WorkedExample.PodUid));
    }

    [Fact]
    public void Store_RetainedPod_FrozenAgainstLaterOwnerChanges()
    {
        ListOwnersAndPod();
        _harness.Store.OnEvent(Deleted(WorkedExample.Pod()));
        var frozen = _harness.Store.TakeSnapshot().Pods[0];

        _harness.Store.OnEvent(Modified(WorkedExample.Deployment with { Labels = new Dictionary<string, string> { ["app"] = "changed" } }));
        _harness.Store.OnEvent(Deleted(WorkedExample.ReplicaSet));
        _harness.Store.OnEvent(Modified(WorkedExample.Pod()));

        Assert.Same(frozen, Assert.Single(_harness.Store.TakeSnapshot().Pods));
    }
}
