namespace PodExport.Cluster.Informers;

/// <summary>A relist turned into changes, the UIDs now held by key, and how many of each change.</summary>
internal sealed record RelistResult<T>(Dictionary<ObjectKey, string> Held, List<ResourceEvent<T>> Changes, int Added, int Modified, int Deleted);
