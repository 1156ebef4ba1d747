using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Store;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI entry point of the informers.</summary>
public static class InformerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Kubernetes connection (<see cref="KubernetesServiceCollectionExtensions.AddPodExportKubernetes"/>),
    /// validated <see cref="InformerOptions"/>, the <see cref="InformerSet"/> (fed to every registered
    /// <see cref="IResourceEventHandler{T}"/> of <see cref="V1Pod"/>, and to the <see cref="PodStore"/>'s per-kind
    /// owner handlers when the store is registered, else to every <see cref="IResourceEventHandler{T}"/> of
    /// <see cref="OwnerObject"/>), the <see cref="IClusterHealth"/> of service.md S-13, the metrics, and the hosted
    /// service that reads the cluster identity at start-up and then runs the informers. Needs
    /// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (registered by every .NET host).
    /// </summary>
    public static IServiceCollection AddPodExportInformers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPodExportKubernetes(configuration);
        services.AddOptions<InformerOptions>().Bind(configuration.GetSection(InformerOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InformerOptions>, InformerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InformerMetrics>();
        services.TryAddSingleton(sp => new ReflectorContext
        {
            Client = sp.GetRequiredService<IKubernetes>(),
            Options = sp.GetRequiredService<IOptions<InformerOptions>>().Value,
            Time = sp.GetRequiredService<TimeProvider>(),
            Random = sp.GetService<Random>() ?? Random.Shared,
            Metrics = sp.GetRequiredService<InformerMetrics>(),
            Logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("PodExport.Cluster.Informers"),
        });
        services.AddOptions<ClusterOptions>().Bind(configuration.GetSection(ClusterOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterOptions>, ClusterOptionsValidator>());
        services.TryAddSingleton<ClusterIdentity>();
        services.TryAddSingleton(sp => new InformerSet(
            sp.GetRequiredService<ReflectorContext>(),
            ResourceEventHandlers.Combine(sp.GetServices<IResourceEventHandler<V1Pod>>()),
            OwnerHandlers(sp),
            [.. sp.GetRequiredService<IOptions<ClusterConnectionOptions>>().Value.Namespaces]));
        services.TryAddSingleton<InformerStartup>();
        services.TryAddSingleton(sp =>
        {
            var startup = sp.GetRequiredService<InformerStartup>();
            return new InformerHealth(() => startup.Informers);
        });
        services.TryAddSingleton<IClusterHealth>(sp => sp.GetRequiredService<InformerHealth>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InformerHostedService>());
        return services;
    }

    private static Func<string, IResourceEventHandler<OwnerObject>> OwnerHandlers(IServiceProvider services)
    {
        // The store counts an owner kind as synced from that kind's own initial list, so it takes one handler per kind.
        if (services.GetService<PodStore>() is { } store)
        {
            return store.ForOwnerKind;
        }

        var combined = ResourceEventHandlers.Combine(services.GetServices<IResourceEventHandler<OwnerObject>>());
        return _ => combined;
    }
}
