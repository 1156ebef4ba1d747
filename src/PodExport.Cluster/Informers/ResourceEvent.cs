namespace PodExport.Cluster.Informers;

/// <summary>What happened to one object, as an informer reports it.</summary>
public enum ResourceEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>
/// One change of one object. For <see cref="ResourceEventType.Deleted"/> the object is the server's last state when a
/// watch delivered the deletion, or, with <paramref name="IsTombstone"/>, a tombstone (key and UID only) when the
/// reflector inferred it (kubernetes-api B.7): the handler then uses the last state it holds.
/// </summary>
public readonly record struct ResourceEvent<T>(ResourceEventType Type, T Object, bool IsTombstone = false);
