namespace PodExport.Server.Telemetry;

/// <summary>The scrape and probe paths, which stay out of traces (OPERATIONS.md §3, §4).</summary>
public static class TelemetryPaths
{
    public const string Metrics = "/metrics";

    private static readonly string[] Untraced = ["/healthz", "/readyz", Metrics];

    /// <summary>False for the probes and the scrape: every few seconds each, and nothing to learn from their spans.</summary>
    public static bool IsTraced(HttpContext context)
    {
        var path = context.Request.Path;
        foreach (var untraced in Untraced)
        {
            if (path.Equals(untraced, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
