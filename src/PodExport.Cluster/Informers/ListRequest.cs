namespace PodExport.Cluster.Informers;

/// <summary>One list call: <paramref name="Namespace"/> null means all namespaces; a continue token replaces the RV.</summary>
public sealed record ListRequest(string? Namespace, string? ResourceVersion, int? Limit, string? Continue);
