using PodExport.Cluster.Pods;
using PodExport.Cluster.Workloads;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Pods;

public sealed class SharedPodValuesTests
{
    [Fact]
    public void Labels_EqualMaps_OneSharedPrivateCopy()
    {
        var shared = new SharedPodValues();
        var first = new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = "7d9c6b5f4" };
        var second = new Dictionary<string, string> { ["pod-template-hash"] = "7d9c6b5f4", ["app"] = "web" };

        var a = shared.Labels(first);
        var b = shared.Labels(second);
        first["app"] = "changed";

        Assert.Same(a, b);
        Assert.NotSame(first, a);
        Assert.Equal("web", a["app"]);
    }

    [Fact]
    public void Labels_NullOrEmpty_TheEmptyMap()
    {
        var shared = new SharedPodValues();

        Assert.Same(LabelMaps.Empty, shared.Labels(null));
        Assert.Same(LabelMaps.Empty, shared.Labels(new Dictionary<string, string>()));
    }

    [Fact]
    public void Labels_DifferentValues_DifferentMaps()
    {
        var shared = new SharedPodValues();

        var a = shared.Labels(new Dictionary<string, string> { ["app"] = "web" });
        var b = shared.Labels(new Dictionary<string, string> { ["app"] = "api" });

        Assert.Equal(("web", "api"), (a["app"], b["app"]));
    }

    [Fact]
    public void TrackedReference_KeepsOnlyTheFollowedReferenceShared()
    {
        var shared = new SharedPodValues();
        var untracked = Ref("Rollout", "r", "ro-1", controller: false, apiVersion: "argoproj.io/v1alpha1");
        var tracked = Ref("ReplicaSet", "web-1", "rs-1");

        var a = shared.TrackedReference([untracked, tracked]);
        var b = shared.TrackedReference([Ref("ReplicaSet", "web-1", "rs-1")]);

        Assert.Same(a, b);
        var kept = Assert.Single(a);
        Assert.NotSame(tracked, kept);
        Assert.Equal(("ReplicaSet", "web-1", "rs-1", true), (kept.Kind, kept.Name, kept.Uid, kept.Controller));
        Assert.Empty(shared.TrackedReference([untracked]));
        Assert.Empty(shared.TrackedReference(null));
    }

    [Fact]
    public void Share_EqualArrays_OneInstance()
    {
        var shared = new SharedPodValues();
        var first = shared.Share(["app", "log"]);

        Assert.Same(first, shared.Share(["app", "log"]));
        Assert.NotSame(first, shared.Share(["log", "app"]));
        Assert.Same(shared.Share([]), shared.Share([]));
    }

    [Fact]
    public void String_EqualStrings_OneInstanceAndEmptyForNull()
    {
        var shared = new SharedPodValues();
        var first = shared.String(new string('x', 4));

        Assert.Same(first, shared.String(new string('x', 4)));
        Assert.Equal("", shared.String(null));
    }
}
