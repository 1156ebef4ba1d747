namespace PodExport.Server.Health;

/// <summary>Tags that pick the checks of each endpoint (OPERATIONS.md §4).</summary>
public static class HealthTags
{
    /// <summary><c>/healthz</c>: the process is alive; never depends on the API server.</summary>
    public const string Live = "live";

    /// <summary><c>/readyz</c>: the pod cache has synced and shutdown has not begun.</summary>
    public const string Ready = "ready";
}
