namespace PodExport.Cluster.Connection;

/// <summary>The cluster's id (lowercase canonical UUID, pod-model §2) and its configured name.</summary>
public sealed record ClusterIdentity(string Id, string Name);
