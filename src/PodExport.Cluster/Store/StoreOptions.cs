namespace PodExport.Cluster.Store;

/// <summary>Pod store settings, section <c>Store</c> (pod-model §2, service.md S-2).</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>Bucket cap N (pod-model M-20), 1 to 1000.</summary>
    public int TerminatedInstancesPerContainer { get; set; } = 10;

    /// <summary>How long a deleted pod is kept while its owner is active (M-24); 0 disables retention.</summary>
    public int DeletedPodRetentionSeconds { get; set; } = 3600;

    /// <summary>Global cap on retained deleted pods (M-26 (3)); 0 disables retention.</summary>
    public int MaxRetainedDeletedPods { get; set; } = 10000;

    /// <summary>Also convert <c>status.initContainerStatuses</c> (M-12).</summary>
    public bool IncludeInitContainers { get; set; }

    /// <summary>Also convert <c>status.ephemeralContainerStatuses</c> (M-12).</summary>
    public bool IncludeEphemeralContainers { get; set; }

    public TimeSpan DeletedPodRetention => TimeSpan.FromSeconds(DeletedPodRetentionSeconds);

    /// <summary>M-24: retention needs both a positive age and a positive count.</summary>
    public bool RetentionEnabled => DeletedPodRetentionSeconds > 0 && MaxRetainedDeletedPods > 0;
}
