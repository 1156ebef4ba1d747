using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>
/// The effective deadline of one export: the smaller of the client's <c>timeout</c> and the server maximum, the
/// client's when equal (export-api W-34, W-36). Started when the parameters are accepted.
/// </summary>
internal sealed class ExportDeadline : IDisposable
{
    private readonly CancellationTokenSource? _cts;

    private ExportDeadline(CancellationTokenSource? cts, RpcStatus? status)
    {
        _cts = cts;
        Status = status;
    }

    /// <summary>Cancelled at expiry; never cancelled when there is no deadline.</summary>
    public CancellationToken Token => _cts?.Token ?? CancellationToken.None;

    /// <summary>The error to report at expiry; null when there is no deadline.</summary>
    public RpcStatus? Status { get; }

    /// <param name="timeoutSeconds">The client's <c>timeout</c>; 0 means none.</param>
    /// <param name="maximumSeconds">The server's maximum; 0 means none.</param>
    /// <param name="timeProvider">The clock of the deadline timer.</param>
    public static ExportDeadline Start(int timeoutSeconds, int maximumSeconds, TimeProvider timeProvider)
    {
        var useClient = timeoutSeconds > 0 && (maximumSeconds <= 0 || timeoutSeconds <= maximumSeconds);
        var seconds = useClient ? timeoutSeconds : maximumSeconds;
        if (seconds <= 0)
        {
            return new ExportDeadline(null, null);
        }

        return new ExportDeadline(
            new CancellationTokenSource(TimeSpan.FromSeconds(seconds), timeProvider),
            ExportErrors.DeadlineExceeded(seconds, useClient));
    }

    public void Dispose() => _cts?.Dispose();
}
