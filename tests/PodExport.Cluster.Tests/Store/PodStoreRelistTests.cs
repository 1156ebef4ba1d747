using PodExport.Cluster.Tests.Fixtures;
using PodExport.Model.Wire;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Store;

/// <summary>Relists (pod-model M-30) and the synced gate (M-2).</summary>
public sealed class PodStoreRelistTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private static k8s.Models.V1Pod RsPod(string name, string uid) =>
        Pod(name, uid, owners: [Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid)], statuses: Running("app", "containerd://" + uid, "2024-05-01T10:00:00Z"));

    [Fact]
    public void Store_RelistWithoutPod_PodDeletedAtRelistTimeWithHistoryKept()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(WorkedExample.Pod()), Added(RsPod("web-b", "b"))], initial: true);
        store.OnEvent(Modified(WorkedExample.CrashLoop()));
        _harness.Time.Advance(TimeSpan.FromMinutes(3));
        var relistTime = _harness.Time.GetUtcNow();

        // The informer's diff: the vanished pod comes as a synthetic delete carrying its last known state.
        store.OnList([Deleted(WorkedExample.CrashLoop()), Modified(RsPod("web-b", "b"))], initial: false);

        var gone = store.TakeSnapshot().Pods.Single(p => p.Attributes.PodUid == WorkedExample.PodUid);
        Assert.True(gone.Attributes.Deleted);
        Assert.Equal(relistTime, gone.Attributes.DeletedAt);
        var app = gone.Pod.TerminatedInstances[0].Instances;
        Assert.Equal(3, app.Count);
        Assert.Equal([WorkedExample.AppRun1, WorkedExample.AppRun2, ""], app.Select(i => i.InstanceId!.Id));
        Assert.Equal(Timestamp.FromDateTimeOffset(relistTime), app[2].Finished);
    }

    [Fact]
    public void Store_RelistDeleteWithIdentityOnly_LastStateHeldIsFinal()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(WorkedExample.Pod())], initial: true);
        store.OnEvent(Modified(WorkedExample.CrashLoop()));
        var held = store.TakeSnapshot().Pods[0];
        _harness.Time.Advance(TimeSpan.FromMinutes(3));
        var relistTime = _harness.Time.GetUtcNow();

        // kubernetes-api B.7: the synthetic delete carries the pod's identity only; M-23 (1) then uses the last state held.
        store.OnList([Tombstone(IdentityOnly(WorkedExample.Pod()))], initial: false);

        var gone = Assert.Single(store.TakeSnapshot().Pods);
        Assert.True(gone.Attributes.Deleted);
        Assert.Equal(relistTime, gone.Attributes.DeletedAt);
        Assert.Equal((held.Id, held.DeploymentId, held.Started), (gone.Id, gone.DeploymentId, gone.Started));
        Assert.Equal(held.Attributes.Labels, gone.Attributes.Labels);
        Assert.Equal(held.Attributes.RestartCount, gone.Attributes.RestartCount);
        Assert.Empty(gone.Pod.LiveInstances);
        var app = gone.Pod.TerminatedInstances[0].Instances;
        Assert.Equal([WorkedExample.AppRun1, WorkedExample.AppRun2, ""], app.Select(i => i.InstanceId!.Id));
        Assert.Equal(("PodDeleted", Timestamp.FromDateTimeOffset(relistTime)), (app[2].TerminationReason, app[2].Finished!.Value));
        var log = Assert.Single(gone.Pod.TerminatedInstances[1].Instances);
        Assert.Equal((WorkedExample.LogRun1, "PodDeleted"), (log.InstanceId!.Id, log.TerminationReason));
        Assert.Equal((0, 1), (store.LivePodCount, store.RetainedPodCount));
    }

    [Fact]
    public void Store_IdentityOnlyDeleteOfUnknownPod_Ignored()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList(Array.Empty<PodExport.Cluster.Informers.ResourceEvent<k8s.Models.V1Pod>>(), initial: true);

        store.OnEvent(Tombstone(IdentityOnly(WorkedExample.Pod())));

        Assert.Empty(store.TakeSnapshot().Pods);
        Assert.Null(store.Find(WorkedExample.PodUid));
        Assert.Equal((0, 0), (store.LivePodCount, store.RetainedPodCount));
    }

    [Fact]
    public void Store_RelistOfSamePods_KeepsBucketsWithoutDuplicates()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.Pod())], initial: true);
        store.OnEvent(Modified(WorkedExample.CrashLoop()));
        var before = store.TakeSnapshot().Pods[0];

        // After a 410 the list shows the pod running again: lastState is the 80d6 run, already recorded.
        var restarted = WorkedExample.CrashLoop();
        restarted.Status.ContainerStatuses[0].ContainerID = "containerd://aaaa";
        restarted.Status.ContainerStatuses[0].State = new k8s.Models.V1ContainerState { Running = new k8s.Models.V1ContainerStateRunning { StartedAt = Utc("2024-05-01T10:07:00Z") } };
        store.OnList([Modified(restarted)], initial: false);

        var after = store.TakeSnapshot().Pods[0];
        Assert.Equal(Ids(before.Pod.TerminatedInstances), Ids(after.Pod.TerminatedInstances));
        Assert.Equal([WorkedExample.AppRun1, WorkedExample.AppRun2], Ids(after.Pod.TerminatedInstances));
        Assert.Equal("aaaa", after.Pod.LiveInstances[0].InstanceId!.Id);
    }

    [Fact]
    public void Store_RetainedPodAbsentFromPodRelist_Unaffected()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(RsPod("web-a", "a"))], initial: true);
        store.OnEvent(Deleted(RsPod("web-a", "a")));
        var retained = store.TakeSnapshot().Pods[0];

        store.OnList([Added(RsPod("web-c", "c"))], initial: false);

        Assert.Same(retained, store.TakeSnapshot().Pods[0]);
        Assert.Equal(2, store.TakeSnapshot().Pods.Count);
    }

    [Fact]
    public void Store_OwnerVanishesInOwnerRelist_RetainedPodsDroppedAndLivePodsReResolved()
    {
        var store = _harness.Store;
        var rs = Owner("ReplicaSet", "solo-rs", "rs-solo");
        store.OnList([Added(rs)], initial: true);
        store.OnList([Added(Pod("solo-rs-a", "a", owners: [Ref("ReplicaSet", "solo-rs", "rs-solo")], statuses: Running("c", "containerd://a", "2024-05-01T10:00:00Z"))),
            Added(Pod("solo-rs-b", "b", owners: [Ref("ReplicaSet", "solo-rs", "rs-solo")], statuses: Running("c", "containerd://b", "2024-05-01T10:00:00Z")))], initial: true);
        store.OnEvent(Deleted(Pod("solo-rs-a", "a", owners: [Ref("ReplicaSet", "solo-rs", "rs-solo")], statuses: Running("c", "containerd://a", "2024-05-01T10:00:00Z"))));
        Assert.Equal(2, store.TakeSnapshot().Pods.Count);

        store.OnList([Deleted(rs)], initial: false);

        var pod = Assert.Single(store.TakeSnapshot().Pods);
        Assert.Equal(("solo-rs-b", "rs-solo", "ReplicaSet"), (pod.Name, pod.Pod.DeploymentId, pod.Attributes.OwnerKind));
    }

    [Fact]
    public void Store_SyncGate_OpensAfterPodsAndEveryOwnerKind()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.Pod())], initial: true);
        Assert.False(store.IsSynced);

        foreach (var kind in PodExport.Cluster.Workloads.WorkloadGraph.WatchedKinds.Skip(1))
        {
            store.ForOwnerKind(kind).OnList([], initial: true);
        }

        Assert.False(store.IsSynced);
        store.ForOwnerKind("ReplicaSet").OnList([Added(WorkedExample.ReplicaSet)], initial: false);
        Assert.False(store.IsSynced);
        store.ForOwnerKind("ReplicaSet").OnList([Added(WorkedExample.ReplicaSet)], initial: true);
        Assert.True(store.IsSynced);
    }

    [Fact]
    public void Store_ExpectFewerOwnerKinds_SyncsWhenThoseAreListed()
    {
        var store = _harness.Store;
        store.ExpectOwnerKinds(["Deployment"]);
        store.MarkOwnerKindSynced("Deployment");
        Assert.False(store.IsSynced);

        store.OnList(Array.Empty<PodExport.Cluster.Informers.ResourceEvent<k8s.Models.V1Pod>>(), initial: true);

        Assert.True(store.IsSynced);
    }

    [Fact]
    public void Store_PodWithoutUid_Ignored()
    {
        var pod = Pod("p", "", statuses: Running("c", "containerd://1", "2024-05-01T10:00:00Z"));

        _harness.Store.OnEvent(Added(pod));

        Assert.Empty(_harness.Store.TakeSnapshot().Pods);
    }

    private static string[] Ids(IReadOnlyList<Model.Wire.Pod.ContainerInstanceList> buckets) =>
        [.. buckets.SelectMany(b => b.Instances).Select(i => i.InstanceId!.Id)];

    /// <summary>What the relist's synthetic delete carries after the Reflector change: metadata identity only.</summary>
    private static k8s.Models.V1Pod IdentityOnly(k8s.Models.V1Pod pod) => new()
    {
        Metadata = new k8s.Models.V1ObjectMeta
        {
            Name = pod.Metadata.Name,
            NamespaceProperty = pod.Metadata.NamespaceProperty,
            Uid = pod.Metadata.Uid,
            ResourceVersion = pod.Metadata.ResourceVersion,
        },
    };
}
