using k8s.Models;

namespace PodExport.Cluster.Workloads;

/// <summary>
/// What owner resolution needs of a pod; kept by the store so owner changes can re-resolve without the full pod. The
/// converter keeps only the reference resolution follows (M-7) in <see cref="OwnerReferences"/>.
/// </summary>
public sealed record PodOwnerInput(
    string Uid,
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<V1OwnerReference> OwnerReferences);
