using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PodExport.Server.Health;

namespace Microsoft.AspNetCore.Builder;

public static class HealthEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>/healthz</c> for liveness and startup, <c>/readyz</c> for readiness (OPERATIONS.md §4); both unauthenticated
    /// and without pod data.
    /// </summary>
    public static IEndpointRouteBuilder MapPodExportHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return endpoints;
    }
}
