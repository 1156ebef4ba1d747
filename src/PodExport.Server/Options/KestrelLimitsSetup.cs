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

    // Method, path, the other parameters and the HTTP version.
    private const int RequestLineReserve = 4096;

    public void Configure(KestrelServerOptions options)
    {
        var rate = exportOptions.Value.MinResponseDataRateBytesPerSecond;
        options.Limits.MinResponseDataRate = rate > 0 ? new MinDataRate(rate, GracePeriod) : null;

        // A query of MaxQueryBytes may arrive fully percent-encoded (three characters a byte) next to the other
        // parameters; Kestrel's 8 KB request line would refuse it with 414 before the 400 of S-12 could apply.
        var requestLine = (3 * exportOptions.Value.MaxQueryBytes) + RequestLineReserve;
        options.Limits.MaxRequestLineSize = Math.Max(options.Limits.MaxRequestLineSize, requestLine);
    }
}
