namespace PodExport.Cluster.Informers;

/// <summary>A relist turned into changes, the objects now held, and how many of each change.</summary>
internal sealed record RelistResult<T>(Dictionary<ObjectKey, T> Items, List<ResourceEvent<T>> Changes, int Added, int Modified, int Deleted);
