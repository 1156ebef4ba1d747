namespace PodExport.Cluster.Informers;

/// <summary>One watch call, always with bookmarks (kubernetes-api B.5).</summary>
public sealed record WatchRequest(string? Namespace, string ResourceVersion, int TimeoutSeconds);
