using Microsoft.Extensions.Diagnostics.HealthChecks;
using PodExport.Model.Records;

namespace PodExport.Server.Health;

/// <summary>Unready until the pod cache has applied its first complete list (export-api W-12).</summary>
internal sealed class PodSourceSyncedHealthCheck(IPodSnapshotSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.IsSynced
            ? HealthCheckResult.Healthy("pod cache synchronized")
            : HealthCheckResult.Unhealthy("pod cache is not synchronized yet"));
}
