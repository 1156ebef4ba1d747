using k8s;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodExport.Server.Auth;
using PodExport.Server.Export;

namespace Microsoft.Extensions.DependencyInjection;

public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Authentication and authorization of exports by <c>Auth:Mode</c> (service.md S-5 to S-9): registers the
    /// <see cref="IExportAccess"/> of the mode, replacing the export's open default whether it was registered before
    /// or after this call. Kubernetes mode needs an <c>IKubernetes</c> client in the container.
    /// </summary>
    public static IServiceCollection AddPodExportAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ReviewCache>();
        services.TryAddSingleton<AuthMetrics>();
        services.TryAddSingleton<ViewNamespaces>();

        // Factories: the cluster client exists only where a cluster is configured, and start-up validation of the
        // container must not demand it in the other modes.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<KubernetesReviewer>(
            sp,
            sp.GetService<IKubernetes>() ?? throw new InvalidOperationException(
                $"{AuthOptions.ModeKey} is Kubernetes, but no cluster connection is configured; allowed: a cluster connection, or {AuthOptions.ModeKey}=StaticTokens or None.")));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<StaticTokenStore>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<KubernetesExportAccess>(sp));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<StaticTokensExportAccess>(sp));
        services.TryAddSingleton<OpenExportAccess>();

        // The open default would be an open door if it won over the configured mode.
        services.RemoveAll<IExportAccess>(d => d.ImplementationType == typeof(OpenExportAccess));
        services.TryAddSingleton<IExportAccess>(CreateAccess);
        return services;
    }

    private static IExportAccess CreateAccess(IServiceProvider services)
    {
        var mode = services.GetRequiredService<IOptions<AuthOptions>>().Value.Mode;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthOptions).Namespace!);
        if (mode == AuthMode.None)
        {
            PodExport.Server.Auth.Log.AuthDisabled(logger);
        }
        else
        {
            PodExport.Server.Auth.Log.AuthMode(logger, mode);
        }

        return mode switch
        {
            AuthMode.Kubernetes => services.GetRequiredService<KubernetesExportAccess>(),
            AuthMode.StaticTokens => services.GetRequiredService<StaticTokensExportAccess>(),
            _ => services.GetRequiredService<OpenExportAccess>(),
        };
    }

    private static void RemoveAll<T>(this IServiceCollection services, Func<ServiceDescriptor, bool> predicate)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(T) && predicate(services[i]))
            {
                services.RemoveAt(i);
            }
        }
    }
}
