namespace PodExport.Cluster.Workloads;

/// <summary>
/// A pod's top-level owner (pod-model §4): its id as written to <c>deploymentId</c>, and the name, kind and labels
/// the query labels <c>Deployment</c>, <c>Deployment Type</c> and <c>Deployment Label</c> take.
/// </summary>
public sealed record OwnerResolution(
    string DeploymentId,
    string Name,
    string Kind,
    IReadOnlyDictionary<string, string> Labels,
    OwnerCategory Category,
    IReadOnlyList<string> Path)
{
    /// <summary>Same owner facts (path aside): a pod record built from either is the same.</summary>
    public bool SameOwner(OwnerResolution other) =>
        DeploymentId == other.DeploymentId
        && Name == other.Name
        && Kind == other.Kind
        && Category == other.Category
        && LabelMaps.Equal(Labels, other.Labels);

    public bool SamePath(OwnerResolution other) => Path.SequenceEqual(other.Path, StringComparer.Ordinal);
}
