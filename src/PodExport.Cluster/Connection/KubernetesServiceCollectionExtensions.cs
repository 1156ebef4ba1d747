using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the one shared Kubernetes client (kubernetes-api B.1).</summary>
public static class KubernetesServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Cluster</c>, chooses the connection (service.md S-4) and registers one <see cref="IKubernetes"/>,
    /// which skips the fields nothing reads while decoding (<see cref="TrimmedDecoding"/>).
    /// The client is created on first use, so a missing cluster fails start-up with a
    /// <see cref="ClusterConnectionException"/> listing what was tried.
    /// </summary>
    public static IServiceCollection AddPodExportKubernetes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClusterConnectionOptions>().Bind(configuration.GetSection(ClusterConnectionOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClusterConnectionOptions>, ClusterConnectionOptionsValidator>());
        services.TryAddSingleton(KubernetesEnvironment.Process);
        services.TryAddSingleton<KubernetesConnectionFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<KubernetesConnectionFactory>().Create());
        services.TryAddSingleton<IKubernetes>(sp => new Kubernetes(TrimmedDecoding.Apply(sp.GetRequiredService<KubernetesConnection>().Configuration)));
        return services;
    }

    /// <summary>
    /// Connects to an address known only at run time (the <c>--simulate</c> simulator's), resolved when the informers'
    /// hosted service starts; register the hosted service that provides it before the informers.
    /// </summary>
    public static IServiceCollection AddPodExportClusterHost(this IServiceCollection services, Func<IServiceProvider, CancellationToken, Task<string>> resolveHost)
    {
        services.AddSingleton(new ClusterHostSource(resolveHost));
        return services;
    }
}
