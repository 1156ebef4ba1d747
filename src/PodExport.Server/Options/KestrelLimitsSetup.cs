using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Options;

/// <summary>
/// Applies <c>Export:MinResponseDataRateBytesPerSecond</c> to Kestrel: a reader slower than this after the 5 s grace
/// period is disconnected (service.md S-11); 0 turns the check off.
/// </summary>
internal sealed class KestrelLimitsSetup(IOptions<ExportOptions> exportOptions) : IConfigureOptions<KestrelServerOptions>
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    public void Configure(KestrelServerOptions options)
    {
        var rate = exportOptions.Value.MinResponseDataRateBytesPerSecond;
        options.Limits.MinResponseDataRate = rate > 0 ? new MinDataRate(rate, GracePeriod) : null;
    }
}
