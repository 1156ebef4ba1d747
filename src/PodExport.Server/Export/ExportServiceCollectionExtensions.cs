using Microsoft.Extensions.DependencyInjection.Extensions;
using PodExport.Server.Export;

namespace Microsoft.Extensions.DependencyInjection;

public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// The export endpoint's services. <see cref="IExportAccess"/> defaults to <see cref="OpenExportAccess"/>
    /// (no authentication); register another one before this call to replace it.
    /// </summary>
    public static IServiceCollection AddPodExportExport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPodExportOptions(configuration);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExportAccess, OpenExportAccess>();
        services.AddPodExportQuery();
        services.TryAddSingleton<ExportQueryCompiler>();
        services.TryAddSingleton<ExportConcurrencyLimiter>();
        services.TryAddSingleton<ExportDrain>();
        services.TryAddSingleton<ExportMetrics>();
        services.TryAddSingleton<ExportHandler>();
        return services;
    }
}
