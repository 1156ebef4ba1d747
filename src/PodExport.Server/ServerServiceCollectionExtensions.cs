using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class ServerServiceCollectionExtensions
{
    /// <summary>
    /// Everything the gateway serves: settings, the export endpoint, health, and the in-memory pod source that the
    /// pod store replaces by registering its own <c>IPodSnapshotSource</c> and <c>IClusterHealth</c> first.
    /// </summary>
    public static IServiceCollection AddPodExportServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPodExportAuth(configuration);
        services.AddPodExportTls(configuration);
        services.AddPodExportExport(configuration);
        services.AddPodExportHealth();
        services.AddPodExportInMemorySource();
        services.AddPodExportTelemetry(configuration);
        return services;
    }
}
