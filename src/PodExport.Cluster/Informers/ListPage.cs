namespace PodExport.Cluster.Informers;

/// <summary>One page of a list, already projected.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, string? ResourceVersion, string? Continue);
