using PodExport.Cluster.Informers;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Tests.Informers;

public sealed class RelistDiffTests
{
    private static readonly Dictionary<string, string> NoLabels = [];

    [Fact]
    public void RelistDiff_HeldKeyMissingFromList_EmitsSyntheticDeleteWithLastKnownState()
    {
        var gone = Owner("a", "uid-a", "5");
        var held = new Dictionary<ObjectKey, OwnerObject> { [Key(gone)] = gone };

        var result = RelistDiff.Compute(held, [], OwnerProjection.Identify);

        var change = Assert.Single(result.Changes);
        Assert.Equal(ResourceEventType.Deleted, change.Type);
        Assert.Same(gone, change.Object);
        Assert.Empty(result.Items);
        Assert.Equal(1, result.Deleted);
    }

    [Fact]
    public void RelistDiff_SameKeyNewUid_DeletesOldThenAddsNew()
    {
        var old = Owner("a", "uid-1", "5");
        var replacement = Owner("a", "uid-2", "9");
        var held = new Dictionary<ObjectKey, OwnerObject> { [Key(old)] = old };

        var result = RelistDiff.Compute(held, [replacement], OwnerProjection.Identify);

        Assert.Collection(
            result.Changes,
            c => Assert.Equal((ResourceEventType.Deleted, old), (c.Type, c.Object)),
            c => Assert.Equal((ResourceEventType.Added, replacement), (c.Type, c.Object)));
        Assert.Same(replacement, result.Items[Key(old)]);
    }

    [Fact]
    public void RelistDiff_KnownAndNewObjects_ModifiesKnownAndAddsNew()
    {
        var known = Owner("a", "uid-a", "5");
        var updated = Owner("a", "uid-a", "7");
        var fresh = Owner("b", "uid-b", "8");
        var held = new Dictionary<ObjectKey, OwnerObject> { [Key(known)] = known };

        var result = RelistDiff.Compute(held, [updated, fresh], OwnerProjection.Identify);

        Assert.Collection(
            result.Changes,
            c => Assert.Equal((ResourceEventType.Modified, updated), (c.Type, c.Object)),
            c => Assert.Equal((ResourceEventType.Added, fresh), (c.Type, c.Object)));
        Assert.Equal((1, 1, 0), (result.Added, result.Modified, result.Deleted));
    }

    private static OwnerObject Owner(string name, string uid, string rv) => new("ReplicaSet", uid, name, "ns", NoLabels, [], rv);

    private static ObjectKey Key(OwnerObject o) => new(o.Namespace, o.Name);
}
