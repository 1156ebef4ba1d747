namespace PodExport.Cluster.Store;

/// <summary>Memory-cache key of one pod (by Kubernetes UID); a type of its own so no other cache user can collide.</summary>
internal sealed record PodCacheKey(string Uid);
