namespace PodExport.Cluster.Informers;

/// <summary>Informer settings, section <c>Informer</c> (service.md S-2). Durations are whole seconds (S-1).</summary>
public sealed class InformerOptions
{
    public const string Section = "Informer";

    /// <summary>A kind disconnected longer than this makes the gateway report itself degraded (S-13).</summary>
    public int DegradedAfterSeconds { get; set; } = 60;

    /// <summary>A watch that delivers no line for this long is restarted (kubernetes-api B.8: 3 × the bookmark interval).</summary>
    public int IdleTimeoutSeconds { get; set; } = 180;

    /// <summary>Lower bound of the randomized watch <c>timeoutSeconds</c> (B.5, client-go minWatchTimeout).</summary>
    public int MinWatchTimeoutSeconds { get; set; } = 300;

    /// <summary>Upper bound (inclusive) of the randomized watch <c>timeoutSeconds</c>.</summary>
    public int MaxWatchTimeoutSeconds { get; set; } = 600;

    /// <summary>Added to <c>timeoutSeconds</c> to get the watch deadline after which the client gives up on the server.</summary>
    public int WatchDeadlineSlackSeconds { get; set; } = 30;

    /// <summary>How long watches failing with 500 InternalError are re-tried before the informer relists (S-18).</summary>
    public int InternalErrorRetrySeconds { get; set; } = 30;

    /// <summary>Page size of the initial list (B.4).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>Start-up limit for reading the cluster identity (the kube-system namespace).</summary>
    public int StartupTimeoutSeconds { get; set; } = 30;
}
