using PodExport.Cluster.Workloads;
using PodExport.Cluster.Tests.Fixtures;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Workloads;

public sealed class WorkloadGraphTests
{
    private static readonly Guid ClusterId = new(WorkedExample.ClusterId);

    private static PodOwnerInput Pod(string ns = "shop", IReadOnlyDictionary<string, string>? labels = null, params k8s.Models.V1OwnerReference[] owners) =>
        new("pod-uid", "pod-1", ns, labels ?? LabelMaps.Empty, owners);

    [Fact]
    public void Resolve_ReplicaSetOwnedByDeployment_DeploymentIsTop()
    {
        var graph = new WorkloadGraph();
        graph.Upsert(WorkedExample.ReplicaSet);
        graph.Upsert(WorkedExample.Deployment);

        var owner = graph.Resolve(Pod(owners: Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid)), ClusterId);

        Assert.Equal(WorkedExample.DeploymentUid, owner.DeploymentId);
        Assert.Equal("web", owner.Name);
        Assert.Equal("Deployment", owner.Kind);
        Assert.Equal("web", owner.Labels["app"]);
        Assert.Equal([WorkedExample.ReplicaSetUid, WorkedExample.DeploymentUid], owner.Path);
    }

    [Fact]
    public void Resolve_CronJobJobPod_CronJobIsTop()
    {
        var graph = new WorkloadGraph();
        graph.Upsert(Owner("CronJob", "nightly", "cj-1"));
        graph.Upsert(Owner("Job", "nightly-28", "job-1", references: Ref("CronJob", "nightly", "cj-1", apiVersion: "batch/v1")));

        var owner = graph.Resolve(Pod(owners: Ref("Job", "nightly-28", "job-1", apiVersion: "batch/v1")), ClusterId);

        Assert.Equal(("cj-1", "CronJob", "nightly"), (owner.DeploymentId, owner.Kind, owner.Name));
    }

    [Theory]
    [InlineData("StatefulSet")]
    [InlineData("DaemonSet")]
    [InlineData("ReplicationController")]
    [InlineData("Job")]
    [InlineData("ReplicaSet")]
    public void Resolve_DirectOwnerWithoutTrackedOwner_IsTop(string kind)
    {
        var graph = new WorkloadGraph();
        graph.Upsert(Owner(kind, "w", "w-1"));

        var owner = graph.Resolve(Pod(owners: Ref(kind, "w", "w-1")), ClusterId);

        Assert.Equal(("w-1", kind, OwnerCategory.Workload), (owner.DeploymentId, owner.Kind, owner.Category));
    }

    [Fact]
    public void Resolve_DeploymentConfigViaReplicationController_ReferenceIsTop()
    {
        var graph = new WorkloadGraph();
        graph.Upsert(Owner("ReplicationController", "app-3", "rc-1", references: Ref("DeploymentConfig", "app", "dc-1", apiVersion: "apps.openshift.io/v1")));

        var owner = graph.Resolve(Pod(owners: Ref("ReplicationController", "app-3", "rc-1", apiVersion: "v1")), ClusterId);

        Assert.Equal(("dc-1", "DeploymentConfig", "app"), (owner.DeploymentId, owner.Kind, owner.Name));
        Assert.Empty(owner.Labels);
    }

    [Fact]
    public void Resolve_OwnerNotListedYet_ReferenceIsTop()
    {
        var graph = new WorkloadGraph();

        var owner = graph.Resolve(Pod(owners: Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid)), ClusterId);

        Assert.Equal((WorkedExample.ReplicaSetUid, "ReplicaSet", "web-7d9c6b5f4"), (owner.DeploymentId, owner.Kind, owner.Name));
        Assert.Equal([WorkedExample.ReplicaSetUid], owner.Path);
    }

    [Fact]
    public void Resolve_Cycle_StopsAfterTenSteps()
    {
        var graph = new WorkloadGraph();
        graph.Upsert(Owner("ReplicaSet", "a", "a", references: Ref("ReplicaSet", "b", "b")));
        graph.Upsert(Owner("ReplicaSet", "b", "b", references: Ref("ReplicaSet", "a", "a")));

        var owner = graph.Resolve(Pod(owners: Ref("ReplicaSet", "a", "a")), ClusterId);

        // Steps 1..10 visit a, b, a, b, …: the tenth object reached is b.
        Assert.Equal(WorkloadGraph.MaxSteps, owner.Path.Count);
        Assert.Equal("b", owner.DeploymentId);
    }

    [Fact]
    public void Resolve_KubeSystemComponentLabel_StaticPodsGroup()
    {
        var labels = new Dictionary<string, string> { ["component"] = "kube-apiserver", ["tier"] = "control-plane" };

        var owner = new WorkloadGraph().Resolve(Pod("kube-system", labels), ClusterId);

        Assert.Equal("2a41c264-ee19-5b57-80c3-17abbcab0182", owner.DeploymentId);
        Assert.Equal(("static-kube-apiserver-pods", "StaticPods", OwnerCategory.StaticPods), (owner.Name, owner.Kind, owner.Category));
        Assert.Equal("control-plane", owner.Labels["tier"]);
    }

    [Fact]
    public void Resolve_KubeSystemK8sAppLabel_StaticPodsGroup()
    {
        var owner = new WorkloadGraph().Resolve(Pod("kube-system", new Dictionary<string, string> { ["k8s-app"] = "kube-dns" }), ClusterId);

        Assert.Equal("static-kube-dns-pods", owner.Name);
    }

    [Fact]
    public void Resolve_ComponentLabelOutsideKubeSystem_Standalone()
    {
        var owner = new WorkloadGraph().Resolve(Pod("shop", new Dictionary<string, string> { ["component"] = "x" }), ClusterId);

        Assert.Equal(("pod-uid", "pod-1", "Pod", OwnerCategory.Standalone), (owner.DeploymentId, owner.Name, owner.Kind, owner.Category));
    }

    [Fact]
    public void DependentsOf_TrackedPath_ListsPodForEveryStep()
    {
        var graph = new WorkloadGraph();
        graph.Upsert(WorkedExample.ReplicaSet);
        var owner = graph.Resolve(Pod(owners: Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid)), ClusterId);
        graph.Track("pod-uid", owner.Path);

        Assert.Equal(["pod-uid"], graph.DependentsOf(WorkedExample.DeploymentUid));
        graph.Untrack("pod-uid", owner.Path);
        Assert.Empty(graph.DependentsOf(WorkedExample.ReplicaSetUid));
    }

    [Fact]
    public void Upsert_SameOwnerAgain_ReportsNoChange()
    {
        var graph = new WorkloadGraph();
        Assert.True(graph.Upsert(WorkedExample.Deployment));
        Assert.False(graph.Upsert(WorkedExample.Deployment with { ResourceVersion = "2" }));
        Assert.True(graph.Upsert(WorkedExample.Deployment with { Labels = new Dictionary<string, string> { ["app"] = "web2" } }));
    }

    [Fact]
    public void Resolve_PodsOfOneReplicaSet_ShareOneResolution()
    {
        var graph = new WorkloadGraph();
        graph.Upsert(WorkedExample.ReplicaSet);
        graph.Upsert(WorkedExample.Deployment);
        var reference = Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid);

        var first = graph.Resolve(Pod(owners: reference), ClusterId);
        var second = graph.Resolve(new PodOwnerInput("pod-2", "pod-2", "shop", LabelMaps.Empty, [Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid)]), ClusterId);

        Assert.Same(first, second);
    }

    [Fact]
    public void Resolve_AfterOwnerChange_ResolvesAgain()
    {
        var graph = new WorkloadGraph();
        graph.Upsert(WorkedExample.ReplicaSet);
        graph.Upsert(WorkedExample.Deployment);
        var pod = Pod(owners: Ref("ReplicaSet", "web-7d9c6b5f4", WorkedExample.ReplicaSetUid));
        var before = graph.Resolve(pod, ClusterId);

        graph.Upsert(WorkedExample.Deployment with { Labels = new Dictionary<string, string> { ["app"] = "web2" } });
        var relabelled = graph.Resolve(pod, ClusterId);
        graph.Remove(WorkedExample.DeploymentUid);
        var removed = graph.Resolve(pod, ClusterId);

        Assert.Equal("web", before.Labels["app"]);
        Assert.Equal("web2", relabelled.Labels["app"]);
        Assert.Equal((WorkedExample.DeploymentUid, "Deployment", 0), (removed.DeploymentId, removed.Kind, removed.Labels.Count));
        Assert.Equal([WorkedExample.ReplicaSetUid, WorkedExample.DeploymentUid], removed.Path);
    }

    [Fact]
    public void Resolve_FirstOwnerNotListed_NotSharedAcrossReferenceNames()
    {
        var graph = new WorkloadGraph();

        var first = graph.Resolve(Pod(owners: Ref("ReplicaSet", "one", "rs-x")), ClusterId);
        var second = graph.Resolve(Pod(owners: Ref("ReplicaSet", "two", "rs-x")), ClusterId);

        Assert.Equal(("one", "two"), (first.Name, second.Name));
    }

    [Fact]
    public void DependentsOf_PodsOfSeveralReplicaSets_DeploymentListsThemAllUntilUntracked()
    {
        var graph = new WorkloadGraph();
        graph.Upsert(WorkedExample.Deployment);
        graph.Upsert(WorkedExample.ReplicaSet);
        graph.Upsert(Owner("ReplicaSet", "web-new", "rs-2", references: Ref("Deployment", "web", WorkedExample.DeploymentUid)));
        string[] oldPath = [WorkedExample.ReplicaSetUid, WorkedExample.DeploymentUid];
        string[] newPath = ["rs-2", WorkedExample.DeploymentUid];
        graph.Track("a", oldPath);
        graph.Track("b", oldPath);
        graph.Track("c", newPath);
        graph.Track("c", newPath);

        Assert.Equal(["a", "b", "c"], graph.DependentsOf(WorkedExample.DeploymentUid).Order());
        Assert.Equal(["c"], graph.DependentsOf("rs-2"));

        graph.Untrack("a", oldPath);
        graph.Untrack("c", newPath);
        Assert.Equal(["b"], graph.DependentsOf(WorkedExample.DeploymentUid));
        graph.Untrack("b", oldPath);
        graph.Untrack("b", oldPath);
        Assert.Empty(graph.DependentsOf(WorkedExample.DeploymentUid));
        Assert.Empty(graph.DependentsOf(WorkedExample.ReplicaSetUid));
    }

    [Fact]
    public void DependentsOf_CyclicPath_CountedAndReleasedSymmetrically()
    {
        var graph = new WorkloadGraph();
        string[] path = ["x", "y", "x", "y"];

        graph.Track("p", path);
        Assert.Equal(["p"], graph.DependentsOf("y"));
        Assert.Equal(["p"], graph.DependentsOf("x"));

        graph.Untrack("p", path);
        Assert.Empty(graph.DependentsOf("y"));
        Assert.Empty(graph.DependentsOf("x"));
    }
}
