using PodExport.Cluster.Workloads;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Workloads;

public sealed class OwnerReferenceRulesTests
{
    [Theory]
    [InlineData("v1", true)]
    [InlineData("apps/v1", true)]
    [InlineData("batch/v1", true)]
    [InlineData("apps.openshift.io/v1", true)]
    [InlineData("example.com/v1", true)]
    [InlineData("metrics.k8s.io/v1beta1", true)]
    [InlineData("serving.knative.dev/v1", false)]
    [InlineData("apps.example.co.uk/v1", false)]
    public void IsNativeApiVersion_SpecExamples_MatchM6(string apiVersion, bool native) =>
        Assert.Equal(native, OwnerReferenceRules.IsNativeApiVersion(apiVersion));

    [Theory]
    [InlineData("ReplicaSet", "apps/v1", "u1", true)]
    [InlineData("DeploymentConfig", "apps.openshift.io/v1", "u1", true)]
    [InlineData("Pod", "v1", "u1", true)]
    [InlineData("Node", "v1", "u1", false)]
    [InlineData("replicaset", "apps/v1", "u1", false)]
    [InlineData("ReplicaSet", "apps/v1", "", false)]
    [InlineData("Deployment", "serving.knative.dev/v1", "u1", false)]
    public void IsTracked_KindApiVersionUid_MatchesM5(string kind, string apiVersion, string uid, bool tracked) =>
        Assert.Equal(tracked, OwnerReferenceRules.IsTracked(Ref(kind, "x", uid, apiVersion: apiVersion)));

    [Fact]
    public void SelectTracked_ControllerMarked_FollowsController()
    {
        var selected = OwnerReferenceRules.SelectTracked(
        [
            Ref("ReplicaSet", "a", "u-a", controller: null),
            Ref("Deployment", "b", "u-b", controller: true),
        ]);
        Assert.Equal("u-b", selected?.Uid);
    }

    [Fact]
    public void SelectTracked_NoController_FirstTrackedInListOrder()
    {
        var selected = OwnerReferenceRules.SelectTracked(
        [
            Ref("Service", "s", "u-s", controller: true, apiVersion: "v1"),
            Ref("Deployment", "k", "u-k", controller: true, apiVersion: "serving.knative.dev/v1"),
            Ref("StatefulSet", "a", "u-a", controller: false),
            Ref("DaemonSet", "b", "u-b", controller: null),
        ]);
        Assert.Equal("u-a", selected?.Uid);
    }

    [Fact]
    public void SelectTracked_NothingTracked_Null() =>
        Assert.Null(OwnerReferenceRules.SelectTracked([Ref("Node", "n", "u-n", apiVersion: "v1")]));
}
