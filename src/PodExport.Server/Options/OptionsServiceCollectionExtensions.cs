using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodExport.Server.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class OptionsServiceCollectionExtensions
{
    /// <summary>Binds and validates the server's settings; a bad value stops the start-up (service.md S-1).</summary>
    public static IServiceCollection AddPodExportOptions(this IServiceCollection services, IConfiguration configuration)
    {
        // Several features need the settings; binding and validating them twice would report every error twice.
        if (services.Any(d => d.ImplementationType == typeof(ExportOptionsValidator)))
        {
            return services;
        }

        services.AddOptions<ExportOptions>()
            .Bind(configuration.GetSection(ExportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, KestrelLimitsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HostOptions>, HostShutdownSetup>());
        return services;
    }
}
