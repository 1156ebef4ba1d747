using PodExport.Server.Telemetry;

namespace Microsoft.AspNetCore.Builder;

public static class TelemetryEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>/metrics</c> in the Prometheus text format, open by default and kept out of <c>http.server.*</c>. Returns
    /// the endpoint's convention builder: that is where an optional protection goes (<c>Auth:ProtectMetrics</c>),
    /// e.g. <c>MapPodExportTelemetry().RequirePodExportAuthForMetrics()</c>. The exporter's own README warns that
    /// the endpoint is unauthenticated.
    /// </summary>
    public static IEndpointConventionBuilder MapPodExportTelemetry(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(TelemetryPaths.Metrics)
            .DisableHttpMetrics()
            .WithDisplayName("Prometheus metrics");
}
