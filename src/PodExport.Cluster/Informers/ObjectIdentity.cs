namespace PodExport.Cluster.Informers;

/// <summary>What the reflector needs to know about any object: its key, its UID and its resourceVersion.</summary>
public readonly record struct ObjectIdentity(ObjectKey Key, string Uid, string? ResourceVersion);
