namespace PodExport.Server.Cluster;

/// <summary>Where the export's pods come from (setting <c>Cluster:Source</c>).</summary>
public enum PodSourceKind
{
    /// <summary>The informers and the pod store, against a real or simulated cluster.</summary>
    Kubernetes,

    /// <summary>An in-memory source filled by the host itself; for tests of the HTTP layer.</summary>
    InMemory,
}
