using k8s;

namespace PodExport.Cluster.Informers;

/// <summary>
/// How one kind is listed, watched and identified. The reflector is generic over <typeparamref name="T"/>; the
/// definitions (<see cref="ResourceDefinitions"/>) hold the only kind-specific code: which client call to make and how
/// to project the typed object.
/// </summary>
public sealed class ResourceDefinition<T>
    where T : class
{
    /// <summary>The Kubernetes kind, e.g. <c>Pod</c> or <c>ReplicaSet</c>; also the metrics tag.</summary>
    public required string Kind { get; init; }

    public required Func<IKubernetes, ListRequest, CancellationToken, Task<ListPage<T>>> ListAsync { get; init; }

    public required Func<IKubernetes, WatchRequest, Action<Exception>, CancellationToken, IAsyncEnumerable<WatchItem<T>>> Watch { get; init; }

    public required Func<T, ObjectIdentity> Identify { get; init; }

    /// <summary>
    /// The object a synthetic delete carries (kubernetes-api B.7): only the key and the UID, because the reflector keeps
    /// no more than that per object; the handler holds the last state itself (pod-model M-23 "the last one held").
    /// </summary>
    public required Func<ObjectKey, string, T> Tombstone { get; init; }
}
