using Microsoft.Extensions.Diagnostics.HealthChecks;
using PodExport.Model.Records;

namespace PodExport.Server.Health;

/// <summary>
/// Degraded while informers are disconnected (service.md S-13). Degraded still maps to 200: serving slightly stale
/// data beats pulling every replica out of the Service (OPERATIONS.md §4).
/// </summary>
internal sealed class ClusterHealthCheck(IClusterHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var kinds = health.DegradedKinds;
        return Task.FromResult(kinds.Count == 0
            ? HealthCheckResult.Healthy("informers connected")
            : HealthCheckResult.Degraded("informers disconnected: " + string.Join(", ", kinds)));
    }
}
