namespace PodExport.Cluster.Informers;

/// <summary>What happened to one object, as an informer reports it.</summary>
public enum ResourceEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>One change of one object. For <see cref="ResourceEventType.Deleted"/> the object is its last known state.</summary>
public readonly record struct ResourceEvent<T>(ResourceEventType Type, T Object);
