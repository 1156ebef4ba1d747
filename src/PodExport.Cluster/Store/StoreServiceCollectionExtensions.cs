using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Store;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI entry point of the pod store and the cluster identity.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PodStore"/> (also as <see cref="IPodSnapshotSource"/> and as the pod and owner event
    /// handlers), <see cref="ClusterIdentity"/>, <see cref="StoreMetrics"/>, and the <c>Store</c> and <c>Cluster</c>
    /// options, validated at start-up. Needs logging and metrics (<see cref="System.Diagnostics.Metrics.IMeterFactory"/>),
    /// which every .NET host registers.
    /// </summary>
    public static IServiceCollection AddPodExportStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>());
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterIdentity>();
        services.TryAddSingleton<StoreMetrics>();
        services.TryAddSingleton<PodStore>();
        services.TryAddSingleton<IPodSnapshotSource>(static sp => sp.GetRequiredService<PodStore>());
        services.TryAddSingleton<IResourceEventHandler<V1Pod>>(static sp => sp.GetRequiredService<PodStore>());
        services.TryAddSingleton<IResourceEventHandler<OwnerObject>>(static sp => sp.GetRequiredService<PodStore>());
        return services;
    }
}
