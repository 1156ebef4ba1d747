using PodExport.Cluster.Tests.Fixtures;
using PodExport.Model.Records;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Store;

/// <summary>Owner resolution through the store, and re-resolution when owners change (pod-model M-8 to M-11).</summary>
public sealed class PodStoreOwnerTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private PodRecord Only() => Assert.Single(_harness.Store.TakeSnapshot().Pods);

    [Fact]
    public void Store_PodBeforeItsOwners_ReResolvedAsOwnersArrive()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.Pod())], initial: true);
        Assert.Equal((WorkedExample.ReplicaSetUid, "ReplicaSet"), (Only().Pod.DeploymentId, Only().Attributes.OwnerKind));

        store.OnEvent(Added(WorkedExample.ReplicaSet));
        Assert.Equal((WorkedExample.DeploymentUid, "Deployment", "web"), (Only().Pod.DeploymentId, Only().Attributes.OwnerKind, Only().Attributes.OwnerName));
        Assert.Empty(Only().Attributes.OwnerLabels);

        store.OnEvent(Added(WorkedExample.Deployment));
        Assert.Equal("web", Only().Attributes.OwnerLabels["app"]);
    }

    [Fact]
    public void Store_OwnerListWithBothLevels_ResolvedInOneChange()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.Pod())], initial: true);
        var before = store.TakeSnapshot();

        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);

        Assert.Equal(WorkedExample.ReplicaSetUid, Assert.Single(before.Pods).Pod.DeploymentId);
        Assert.Equal(WorkedExample.DeploymentUid, Only().Pod.DeploymentId);
    }

    [Fact]
    public void Store_UnchangedOwnerRelist_KeepsRecords()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(WorkedExample.Pod())], initial: true);
        var record = Only();

        store.OnList([Modified(WorkedExample.ReplicaSet with { ResourceVersion = "9" }), Modified(WorkedExample.Deployment)], initial: false);

        Assert.Same(record, Only());
    }

    [Fact]
    public void Store_DeploymentLabelsChange_PodRecordFollows()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(WorkedExample.Pod())], initial: true);
        var line = Only().Line;

        store.OnEvent(Modified(WorkedExample.Deployment with { Labels = new Dictionary<string, string> { ["app"] = "shop" } }));

        Assert.Equal("shop", Only().Attributes.OwnerLabels["app"]);
        Assert.Equal(line, Only().Line);
    }

    [Fact]
    public void Store_CronJobJobPod_CronJobIsDeployment()
    {
        var store = _harness.Store;
        store.OnList([Added(Owner("CronJob", "nightly", "cj-1"))], initial: true);
        store.OnList([Added(Owner("Job", "nightly-1", "job-1", references: Ref("CronJob", "nightly", "cj-1", apiVersion: "batch/v1")))], initial: true);

        store.OnEvent(Added(Pod("nightly-1-abc", "p-1", owners: [Ref("Job", "nightly-1", "job-1", apiVersion: "batch/v1")], statuses: Running("c", "containerd://1", "2024-05-01T10:00:00Z"))));

        Assert.Equal(("cj-1", "CronJob", "nightly"), (Only().Pod.DeploymentId, Only().Attributes.OwnerKind, Only().Attributes.OwnerName));
    }

    [Fact]
    public void Store_DeploymentRollout_OldPodsRetainedNewPodsUnderSameDeployment()
    {
        var store = _harness.Store;
        var oldRs = Owner("ReplicaSet", "web-1", "rs-1", references: Ref("Deployment", "web", WorkedExample.DeploymentUid));
        var newRs = Owner("ReplicaSet", "web-2", "rs-2", references: Ref("Deployment", "web", WorkedExample.DeploymentUid));
        var oldPod = Pod("web-1-a", "p-old", owners: [Ref("ReplicaSet", "web-1", "rs-1")], statuses: Running("app", "containerd://o1", "2024-05-01T10:00:00Z"));
        var newPod = Pod("web-2-a", "p-new", owners: [Ref("ReplicaSet", "web-2", "rs-2")], statuses: Running("app", "containerd://n1", "2024-05-01T10:30:00Z"));
        store.OnList([Added(WorkedExample.Deployment), Added(oldRs)], initial: true);
        store.OnList([Added(oldPod)], initial: true);

        store.OnEvent(Added(newRs));
        store.OnEvent(Added(newPod));
        store.OnEvent(Deleted(oldPod));
        store.OnEvent(Deleted(oldRs));

        var pods = store.TakeSnapshot().Pods;
        Assert.Equal(["web-1-a", "web-2-a"], pods.Select(p => p.Name));
        Assert.All(pods, p => Assert.Equal(WorkedExample.DeploymentUid, p.Pod.DeploymentId));
        Assert.True(pods[0].Attributes.Deleted);
        Assert.Equal("PodDeleted", pods[0].Pod.TerminatedInstances[0].Instances[0].TerminationReason);
        Assert.False(pods[1].Attributes.Deleted);
    }

    [Fact]
    public void Store_IntermediateOwnerDeleted_LivePodFallsBackToReference()
    {
        var store = _harness.Store;
        store.OnList([Added(WorkedExample.ReplicaSet), Added(WorkedExample.Deployment)], initial: true);
        store.OnList([Added(WorkedExample.Pod())], initial: true);

        store.OnEvent(Deleted(WorkedExample.ReplicaSet));

        Assert.Equal((WorkedExample.ReplicaSetUid, "ReplicaSet"), (Only().Pod.DeploymentId, Only().Attributes.OwnerKind));
    }

    [Fact]
    public void Store_StandalonePod_OwnsItself()
    {
        _harness.Store.OnList([Added(Pod("solo", "solo-uid", labels: new Dictionary<string, string> { ["a"] = "b" }, statuses: Running("c", "containerd://1", "2024-05-01T10:00:00Z")))], initial: true);

        Assert.Equal(("solo-uid", "Pod", "solo"), (Only().Pod.DeploymentId, Only().Attributes.OwnerKind, Only().Attributes.OwnerName));
        Assert.Equal("b", Only().Attributes.OwnerLabels["a"]);
    }
}
