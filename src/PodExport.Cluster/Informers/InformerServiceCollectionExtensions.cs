using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>DI entry point of the informers.</summary>
public static class InformerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Kubernetes connection (<see cref="KubernetesServiceCollectionExtensions.AddPodExportKubernetes"/>),
    /// validated <see cref="InformerOptions"/>, the <see cref="InformerSet"/> (fed to every registered
    /// <see cref="IResourceEventHandler{T}"/> of <see cref="V1Pod"/> and <see cref="OwnerObject"/>), the
    /// <see cref="IClusterHealth"/> of service.md S-13, the metrics, and the hosted service that runs them.
    /// Needs <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (registered by every .NET host).
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
            Random = Random.Shared,
            Metrics = sp.GetRequiredService<InformerMetrics>(),
            Logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("PodExport.Cluster.Informers"),
        });
        services.TryAddSingleton(sp => new InformerSet(
            sp.GetRequiredService<ReflectorContext>(),
            ResourceEventHandlers.Combine(sp.GetServices<IResourceEventHandler<V1Pod>>()),
            ResourceEventHandlers.Combine(sp.GetServices<IResourceEventHandler<OwnerObject>>()),
            [.. sp.GetRequiredService<IOptions<ClusterConnectionOptions>>().Value.Namespaces]));
        services.TryAddSingleton<InformerHealth>();
        services.TryAddSingleton<IClusterHealth>(sp => sp.GetRequiredService<InformerHealth>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InformerHostedService>());
        return services;
    }
}
