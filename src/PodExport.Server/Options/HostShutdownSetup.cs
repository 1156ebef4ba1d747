using Microsoft.Extensions.Options;

namespace PodExport.Server.Options;

/// <summary>
/// Keeps the host's shutdown timeout longer than the export drain plus the time an error line may take
/// (OPERATIONS.md §6.3): when the timeout runs out first, Kestrel aborts the running exports and they end without
/// their code-14 line. Only ever lengthens a configured timeout; the defaults (20 s drain, 30 s) need no change.
/// </summary>
internal sealed class HostShutdownSetup(IOptions<ExportOptions> exportOptions) : IPostConfigureOptions<HostOptions>
{
    /// <summary>The error line's own budget after the drain (ExportHandler's ErrorLineTimeout).</summary>
    public static readonly TimeSpan ErrorLineAllowance = TimeSpan.FromSeconds(5);

    public void PostConfigure(string? name, HostOptions options)
    {
        var needed = TimeSpan.FromSeconds(exportOptions.Value.DrainSeconds) + ErrorLineAllowance;
        if (options.ShutdownTimeout < needed)
        {
            options.ShutdownTimeout = needed;
        }
    }
}
