namespace PodExport.Cluster.Connection;

/// <summary>
/// Which cluster to connect to and which namespaces to watch, section <c>Cluster</c> (service.md S-2, S-4). The same
/// section's <c>Id</c> and <c>Name</c> belong to the cluster identity (<c>PodExport.Cluster.Identity</c>).
/// </summary>
public sealed class ClusterConnectionOptions
{
    public const string Section = "Cluster";

    /// <summary>Kubeconfig file (<c>--kubeconfig</c>); wins over every other source except <see cref="Host"/>.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Kubeconfig context (<c>--context</c>); the file's current context when unset.</summary>
    public string? Context { get; set; }

    /// <summary>
    /// An API server URL used as is, without credentials or TLS (kubernetes-api C.5). <c>--simulate</c> sets it to
    /// the in-process simulator; it overrides every other source.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>Watch only these namespaces, one reflector per namespace and kind; empty = all namespaces.</summary>
    public IList<string> Namespaces { get; } = [];
}
