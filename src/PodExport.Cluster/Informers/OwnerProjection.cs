using k8s.Models;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Informers;

/// <summary>
/// Turns a typed owner object into the slim <see cref="OwnerObject"/> right after decoding, so the full spec and status
/// of thousands of ReplicaSets never stay in memory (kubernetes-api B.1).
/// </summary>
public static class OwnerProjection
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    public static OwnerObject Project(string kind, V1ObjectMeta? metadata)
    {
        var labels = metadata?.Labels switch
        {
            null => NoLabels,
            IReadOnlyDictionary<string, string> readOnly => readOnly,
            var other => new Dictionary<string, string>(other, StringComparer.Ordinal),
        };
        var owners = metadata?.OwnerReferences switch
        {
            null => [],
            IReadOnlyList<V1OwnerReference> readOnly => readOnly,
            var other => other.ToArray(),
        };
        return new OwnerObject(
            kind,
            metadata?.Uid ?? "",
            metadata?.Name ?? "",
            metadata?.NamespaceProperty ?? "",
            labels,
            owners,
            metadata?.ResourceVersion ?? "");
    }

    /// <summary>
    /// A deleted owner as a synthetic delete carries it: the store removes an owner by UID and re-resolves the pods
    /// that went through it, so labels, owner references and resourceVersion are left empty.
    /// </summary>
    public static OwnerObject Tombstone(string kind, ObjectKey key, string uid) =>
        new(kind, uid, key.Name, key.Namespace, NoLabels, [], "");

    public static ObjectIdentity Identify(OwnerObject owner) =>
        new(new ObjectKey(owner.Namespace, owner.Name), owner.Uid, owner.ResourceVersion);
}
