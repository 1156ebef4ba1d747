using PodExport.Server.Health;

namespace Microsoft.Extensions.DependencyInjection;

public static class HealthServiceCollectionExtensions
{
    /// <summary>The checks behind <c>/healthz</c> (tag <c>live</c>) and <c>/readyz</c> (tag <c>ready</c>).</summary>
    public static IServiceCollection AddPodExportHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("alive"), [HealthTags.Live])
            .AddCheck<PodSourceSyncedHealthCheck>("pods", tags: [HealthTags.Ready])
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [HealthTags.Ready])
            .AddCheck<ClusterHealthCheck>("informers", tags: [HealthTags.Ready]);
        return services;
    }
}
