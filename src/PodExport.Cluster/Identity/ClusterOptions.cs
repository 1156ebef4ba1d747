namespace PodExport.Cluster.Identity;

/// <summary>Cluster identity settings, section <c>Cluster</c> (service.md S-2, pod-model §2).</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    public const string DefaultName = "default";

    /// <summary>
    /// The <c>clusterId</c> of every pod; must parse as a UUID. Unset: the UID of namespace <c>kube-system</c>,
    /// which the informer layer reads at start-up.
    /// </summary>
    public string? Id { get; set; }

    /// <summary>The value of the <c>Cluster</c> query label; <c>default</c> (with a start-up warning) when unset.</summary>
    public string? Name { get; set; }
}
