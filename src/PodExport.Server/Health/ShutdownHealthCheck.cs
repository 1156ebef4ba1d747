using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PodExport.Server.Health;

/// <summary>Unready from the moment shutdown begins, so the Service stops sending new exports (OPERATIONS.md §6).</summary>
internal sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("server is shutting down")
            : HealthCheckResult.Healthy("running"));
}
