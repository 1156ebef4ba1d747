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
}
