using PodExport.Cluster.Informers;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Tests.Informers;

public sealed class RelistDiffTests
{
    private static readonly Dictionary<string, string> NoLabels = [];

    [Fact]
    public void RelistDiff_HeldKeyMissingFromList_EmitsSyntheticDeleteWithKeyAndUid()
    {
        var gone = Owner("a", "uid-a", "5");
        var held = new Dictionary<ObjectKey, string> { [Key(gone)] = gone.Uid };

        var result = Compute(held, []);

        var change = Assert.Single(result.Changes);
        Assert.Equal((ResourceEventType.Deleted, true), (change.Type, change.IsTombstone));
        Assert.Equal(("ReplicaSet", "uid-a", "a", "ns"), (change.Object.Kind, change.Object.Uid, change.Object.Name, change.Object.Namespace));
        Assert.Empty(change.Object.Labels);
        Assert.Empty(result.Held);
        Assert.Equal(1, result.Deleted);
    }

    [Fact]
    public void RelistDiff_SameKeyNewUid_DeletesOldUidThenAddsNew()
    {
        var old = Owner("a", "uid-1", "5");
        var replacement = Owner("a", "uid-2", "9");
        var held = new Dictionary<ObjectKey, string> { [Key(old)] = old.Uid };

        var result = Compute(held, [replacement]);

        Assert.Collection(
            result.Changes,
            c => Assert.Equal((ResourceEventType.Deleted, true, "uid-1", "a"), (c.Type, c.IsTombstone, c.Object.Uid, c.Object.Name)),
            c => Assert.Equal((ResourceEventType.Added, replacement), (c.Type, c.Object)));
        Assert.Equal("uid-2", result.Held[Key(old)]);
        Assert.Equal((1, 0, 1), (result.Added, result.Modified, result.Deleted));
    }

    [Fact]
    public void RelistDiff_KnownAndNewObjects_ModifiesKnownAndAddsNew()
    {
        var known = Owner("a", "uid-a", "5");
        var updated = Owner("a", "uid-a", "7");
        var fresh = Owner("b", "uid-b", "8");
        var held = new Dictionary<ObjectKey, string> { [Key(known)] = known.Uid };

        var result = Compute(held, [updated, fresh]);

        Assert.Collection(
            result.Changes,
            c => Assert.Equal((ResourceEventType.Modified, updated), (c.Type, c.Object)),
            c => Assert.Equal((ResourceEventType.Added, fresh), (c.Type, c.Object)));
        Assert.Equal((1, 1, 0), (result.Added, result.Modified, result.Deleted));
        Assert.Equal(new Dictionary<ObjectKey, string> { [Key(known)] = "uid-a", [Key(fresh)] = "uid-b" }, result.Held);
    }

    [Fact]
    public void RelistDiff_HeldNamespace_IsOneSharedString()
    {
        // Two decoded copies of the same namespace name, as two objects of a list carry them.
        var first = new string("team-a".AsSpan());
        var second = new string("team-a".AsSpan());
        var a = new OwnerObject("ReplicaSet", "uid-a", "a", first, NoLabels, [], "1");
        var b = new OwnerObject("ReplicaSet", "uid-b", "b", second, NoLabels, [], "1");

        var result = Compute(new Dictionary<ObjectKey, string>(), [a, b]);

        var namespaces = result.Held.Keys.Select(k => k.Namespace).ToArray();
        Assert.Same(namespaces[0], namespaces[1]);
    }

    private static RelistResult<OwnerObject> Compute(Dictionary<ObjectKey, string> held, IReadOnlyList<OwnerObject> listed) =>
        RelistDiff.Compute(held, listed, OwnerProjection.Identify, (key, uid) => OwnerProjection.Tombstone("ReplicaSet", key, uid));

    private static OwnerObject Owner(string name, string uid, string rv) => new("ReplicaSet", uid, name, "ns", NoLabels, [], rv);

    private static ObjectKey Key(OwnerObject o) => new(o.Namespace, o.Name);
}
