using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodExport.Server.Tls;

namespace Microsoft.Extensions.DependencyInjection;

public static class TlsServiceCollectionExtensions
{
    /// <summary>Optional HTTPS from the PEM files of <c>Tls:CertificateFile</c> and <c>Tls:KeyFile</c>, reloaded on change.</summary>
    public static IServiceCollection AddPodExportTls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TlsOptions>()
            .Bind(configuration.GetSection(TlsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TlsOptions>, TlsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CertificateReloader>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KestrelServerOptions>, KestrelHttpsSetup>());
        return services;
    }
}
