using Microsoft.Extensions.Options;
using PodExport.Server.Options;

namespace PodExport.Server.Export;

/// <summary>
/// Graceful shutdown of exports (OPERATIONS.md §6): once <c>ApplicationStopping</c> fires, new exports are refused
/// and running ones get <c>Export:DrainSeconds</c> before <see cref="Token"/> ends them with the code-14 line.
/// Created when the endpoint is mapped, so the timer starts at the signal however late the first export comes.
/// </summary>
public sealed class ExportDrain : IDisposable
{
    private readonly CancellationTokenSource _drain = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _drainTime;
    private readonly CancellationTokenRegistration _registration;
    private ITimer? _timer;
    private volatile bool _stopping;

    public ExportDrain(IHostApplicationLifetime lifetime, IOptions<ExportOptions> options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _drainTime = TimeSpan.FromSeconds(options.Value.DrainSeconds);
        _registration = lifetime.ApplicationStopping.Register(OnStopping);
    }

    /// <summary>True from the moment shutdown began.</summary>
    public bool IsStopping => _stopping;

    /// <summary>Cancelled when the drain period is over.</summary>
    public CancellationToken Token => _drain.Token;

    private void OnStopping()
    {
        _stopping = true;
        if (_drainTime <= TimeSpan.Zero)
        {
            _drain.Cancel();
            return;
        }

        // The state is always _drain, never null.
        _timer = _timeProvider.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), _drain, _drainTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _registration.Dispose();
        _timer?.Dispose();
        _drain.Dispose();
    }
}
