namespace PodExport.Model.Records;

/// <summary>
/// What the query filters on besides the wire pod (pod-model §7, query-language §5.1). Built by the pod pipeline.
/// </summary>
public sealed record PodAttributes
{
    public string PodUid { get; init; } = "";

    /// <summary><c>spec.nodeName</c>; empty while unscheduled.</summary>
    public string Node { get; init; } = "";

    public IReadOnlyDictionary<string, string> Labels { get; init; } = EmptyMap;

    /// <summary>Image references of the live instances: spec image and status image (may repeat).</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Top-level owner (pod-model §4).</summary>
    public string OwnerName { get; init; } = "";

    /// <summary>Top-level owner kind: Deployment, StatefulSet, …, Pod, StaticPods.</summary>
    public string OwnerKind { get; init; } = "";

    public IReadOnlyDictionary<string, string> OwnerLabels { get; init; } = EmptyMap;

    /// <summary>Sum of <c>status.containerStatuses[].restartCount</c> (pod-model M-21).</summary>
    public int RestartCount { get; init; }

    /// <summary>True for a deleted pod kept by retention (pod-model §8).</summary>
    public bool Deleted { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>The configured cluster name (query label <c>Cluster</c>).</summary>
    public string ClusterName { get; init; } = "default";

    internal static readonly IReadOnlyDictionary<string, string> EmptyMap = new Dictionary<string, string>();
}
