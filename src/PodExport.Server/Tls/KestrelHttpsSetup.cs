using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Tls;

/// <summary>
/// With both <c>Tls:*</c> files set, every Kestrel endpoint (including those from <c>--urls</c> and
/// <c>ASPNETCORE_HTTP_PORTS</c>) serves HTTPS with the reloading certificate; without them nothing changes.
/// </summary>
internal sealed class KestrelHttpsSetup(IOptions<TlsOptions> options, IServiceProvider services) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var reloader = services.GetRequiredService<CertificateReloader>();
        kestrel.ConfigureEndpointDefaults(listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificateSelector = (_, _) => reloader.Current,
        }));
    }
}
