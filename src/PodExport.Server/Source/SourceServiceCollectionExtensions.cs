using Microsoft.Extensions.DependencyInjection.Extensions;
using PodExport.Model.Records;
using PodExport.Server.Source;

namespace Microsoft.Extensions.DependencyInjection;

public static class SourceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InMemoryPodSource"/> as the pod source and cluster health, unless something (the pod
    /// store) registered its own first: every registration is a TryAdd.
    /// </summary>
    public static IServiceCollection AddPodExportInMemorySource(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryPodSource>();
        services.TryAddSingleton<IPodSnapshotSource>(sp => sp.GetRequiredService<InMemoryPodSource>());
        services.TryAddSingleton<IClusterHealth>(sp => sp.GetRequiredService<InMemoryPodSource>());
        return services;
    }
}
