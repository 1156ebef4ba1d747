namespace PodExport.Cluster.Informers;

public sealed partial class Reflector<T>
{
    /// <summary>The watch-endings table of kubernetes-api B.6: what to do, after how long, and with which RV.</summary>
    private async Task<(Next Next, string ListReason)> AfterWatchAsync(WatchResult result, string listReason, CancellationToken ct)
    {
        _context.Metrics.WatchRestart(Kind, RestartReason(result.Ending));
        if (result.Ending is not WatchEnding.InternalError)
        {
            _internalErrorsSince = null;
        }

        TimeSpan delay;
        switch (result.Ending)
        {
            case WatchEnding.Closed or WatchEnding.Timeout or WatchEnding.Reset:
                return (Next.Watch, listReason);

            case WatchEnding.Idle:
                if (result.Events == 0)
                {
                    // A whole idle period without a line, not even a bookmark: the server is not really there.
                    MarkDisconnected(result.LastLine);
                }

                Log.WatchIdle(_context.Logger, Kind, _scope, _context.Time.GetUtcNow() - result.LastLine);
                return (Next.Watch, listReason);

            case WatchEnding.Decode:
                Log.WatchDecodeError(_context.Logger, Kind, _scope, result.Exception?.Message ?? "", LastSyncResourceVersion);
                if (result.Events == 0)
                {
                    // Garbage before any event, again: do not spin on it.
                    await WaitAsync(_backoff.Next(), "decode", ct);
                }

                return (Next.Watch, listReason);

            case WatchEnding.TooShort:
                MarkDisconnected(null);
                delay = _backoff.Next();
                Log.WatchTooShort(_context.Logger, Kind, _scope, result.Elapsed, delay);
                await WaitAsync(delay, "short_watch", ct);
                return (Next.List, "short_watch");

            case WatchEnding.Expired:
                MarkDisconnected(null);
                delay = _backoff.Next();
                Log.WatchExpired(_context.Logger, Kind, _scope, LastSyncResourceVersion, delay);
                await WaitAsync(delay, "expired", ct);
                return (Next.List, "expired");

            case WatchEnding.Refused:
                MarkDisconnected(null);
                delay = Longer(_backoff.Next(), result.Failure?.RetryAfter);
                Log.WatchRetry(_context.Logger, Kind, _scope, result.Ending, delay);
                await WaitAsync(delay, "refused", ct);
                return (Next.Watch, listReason);

            case WatchEnding.InternalError:
                MarkDisconnected(null);
                delay = _backoff.Next();
                var now = _context.Time.GetTimestamp();
                _internalErrorsSince ??= now;
                var failingFor = _context.Time.GetElapsedTime(_internalErrorsSince.Value, now);
                if (failingFor >= TimeSpan.FromSeconds(_context.Options.InternalErrorRetrySeconds))
                {
                    // service.md S-18: the retry window is over; start again from a list.
                    _internalErrorsSince = null;
                    Log.WatchInternalErrorsRelist(_context.Logger, Kind, _scope, failingFor, delay);
                    await WaitAsync(delay, "internal_error", ct);
                    return (Next.List, "error");
                }

                Log.WatchRetry(_context.Logger, Kind, _scope, result.Ending, delay);
                await WaitAsync(delay, "internal_error", ct);
                return (Next.Watch, listReason);

            default:
                MarkDisconnected(null);
                delay = Longer(_backoff.Next(), result.Failure?.RetryAfter);
                Log.WatchUnexpectedStatus(_context.Logger, Kind, _scope, result.Failure?.Code ?? 0, result.Failure?.Reason, result.Failure?.Message ?? result.Exception?.Message, delay);
                await WaitAsync(delay, "status", ct);
                return (Next.List, "error");
        }
    }

    private static string RestartReason(WatchEnding ending) => ending switch
    {
        WatchEnding.Closed or WatchEnding.TooShort => "closed",
        WatchEnding.Timeout => "timeout",
        WatchEnding.Reset => "reset",
        WatchEnding.Idle => "idle",
        WatchEnding.Expired => "expired",
        WatchEnding.Decode => "decode",
        _ => "error",
    };
}
