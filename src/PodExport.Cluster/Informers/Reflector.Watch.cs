using System.Text.Json;
using k8s;

namespace PodExport.Cluster.Informers;

public sealed partial class Reflector<T>
{
    private static readonly TimeSpan VeryShortWatch = TimeSpan.FromSeconds(1);

    /// <summary>
    /// One watch from lastSyncRV with bookmarks and a random timeoutSeconds (kubernetes-api B.5), guarded by an idle
    /// watchdog and a deadline (B.8). Returns how it ended; the caller decides what comes next (B.6).
    /// </summary>
    private async Task<WatchResult> WatchAsync(CancellationToken ct)
    {
        var options = _context.Options;
        var time = _context.Time;
        var timeoutSeconds = _context.NextRandom(options.MinWatchTimeoutSeconds, options.MaxWatchTimeoutSeconds + 1);
        var resourceVersion = LastSyncResourceVersion ?? "0";
        var idleLimit = TimeSpan.FromSeconds(options.IdleTimeoutSeconds);
        var started = time.GetTimestamp();
        var session = new WatchSession(time);

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds + options.WatchDeadlineSlackSeconds), time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        using var idle = time.CreateTimer(_ => session.Stop(stop, idle: true), null, idleLimit, Timeout.InfiniteTimeSpan);

        void OnLine()
        {
            session.Touch();
            idle.Change(idleLimit, Timeout.InfiniteTimeSpan);
        }

        void OnError(Exception error)
        {
            // ERROR events with a Status and undecodable lines arrive here, not as items (kubernetes-api C.4). Either
            // way this watch is finished: stop at once and let the ending decide.
            OnLine();
            session.Fail(error);
            session.Stop(stop, idle: false);
        }

        Log.WatchStarted(_context.Logger, Kind, _scope, resourceVersion, timeoutSeconds);
        Signal(ReflectorStep.WatchStarted, resourceVersion);
        var events = 0;
        Exception? thrown = null;
        try
        {
            var request = new WatchRequest(Namespace, resourceVersion, timeoutSeconds);
            await foreach (var item in _definition.Watch(_context.Client, request, OnError, stop.Token).WithCancellation(stop.Token))
            {
                OnLine();
                if (session.Error is not null)
                {
                    break;
                }

                events++;
                if (item.Type == WatchEventType.Error)
                {
                    // An ERROR whose object is not a Status: nothing to resume from.
                    return Finish(new WatchResult(WatchEnding.UnexpectedStatus, new ApiFailure(null, "Error", "ERROR event without a Status", null, false, false), events, time.GetElapsedTime(started), session.LastLine, null));
                }

                MarkConnected();
                ApplyEvent(item);
                if (!string.IsNullOrEmpty(item.ResourceVersion))
                {
                    Volatile.Write(ref _lastSyncResourceVersion, item.ResourceVersion);
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // Our own stop (error callback, idle, deadline): classified below.
        }
        catch (JsonException ex)
        {
            // The first line is peeked before the enumerator yields, so an undecodable first line throws (C.4).
            session.Fail(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not HandlerException)
        {
            thrown = ex;
        }

        var elapsed = time.GetElapsedTime(started);
        return Finish(Classify(session, thrown, events, elapsed, timeoutSeconds, deadline.IsCancellationRequested));
    }

    private WatchResult Finish(WatchResult result)
    {
        Log.WatchEnded(_context.Logger, Kind, _scope, result.Ending, result.Events, result.Elapsed);
        Signal(ReflectorStep.WatchEnded, result.Ending.ToString());
        return result;
    }

    private static WatchResult Classify(WatchSession session, Exception? thrown, int events, TimeSpan elapsed, int timeoutSeconds, bool pastDeadline)
    {
        WatchResult Result(WatchEnding ending, ApiFailure? failure = null, Exception? exception = null) =>
            new(ending, failure, events, elapsed, session.LastLine, exception);

        WatchEnding EndOfStream(WatchEnding ending) =>
            events == 0 && elapsed < VeryShortWatch ? WatchEnding.TooShort : ending;

        switch (session.Error)
        {
            case JsonException json:
                return Result(WatchEnding.Decode, exception: json);
            case KubernetesException kube:
                var status = ApiFailure.From(kube);
                return Result(status.IsExpired ? WatchEnding.Expired : status.IsInternalError ? WatchEnding.InternalError : WatchEnding.UnexpectedStatus, status, kube);
            case { } other:
                return Result(EndOfStream(WatchEnding.Reset), exception: other);
        }

        if (session.IdleFired || pastDeadline)
        {
            return Result(WatchEnding.Idle);
        }

        if (thrown is not null)
        {
            var failure = ApiFailure.From(thrown);
            if (failure.Code is not null)
            {
                var ending = failure.IsExpired ? WatchEnding.Expired
                    : failure.IsTooManyRequests ? WatchEnding.Refused
                    : failure.IsInternalError ? WatchEnding.InternalError
                    : WatchEnding.UnexpectedStatus;
                return Result(ending, failure, thrown);
            }

            if (failure.Refused)
            {
                return Result(WatchEnding.Refused, failure, thrown);
            }

            if (ApiFailure.IsStreamEnd(thrown))
            {
                // A 200 that closes with zero events throws instead of ending (csharp#893, C.4): a clean close.
                var clean = thrown.InnerException is EndOfStreamException;
                return Result(EndOfStream(clean ? WatchEnding.Closed : WatchEnding.Reset), exception: thrown);
            }

            return Result(WatchEnding.UnexpectedStatus, failure, thrown);
        }

        return Result(EndOfStream(elapsed.TotalSeconds >= timeoutSeconds ? WatchEnding.Timeout : WatchEnding.Closed));
    }

    private void ApplyEvent(WatchItem<T> item)
    {
        if (item.Type == WatchEventType.Bookmark || item.Object is null)
        {
            _context.Metrics.Event(Kind, "bookmark");
            return;
        }

        var id = _definition.Identify(item.Object);
        ResourceEvent<T>? replaced = null;
        ResourceEvent<T> change;
        switch (item.Type)
        {
            case WatchEventType.Deleted:
                _held.Remove(id.Key);
                change = new(ResourceEventType.Deleted, item.Object);
                _context.Metrics.Event(Kind, "deleted");
                break;
            default:
                _held.TryGetValue(id.Key, out var heldUid);
                var type = HeldObjects.Arrival(heldUid, id.Uid, item.Type == WatchEventType.Added, out var replacedUid);
                if (replacedUid is not null)
                {
                    // A new object under a held name: the old one's DELETED was never seen.
                    replaced = new(ResourceEventType.Deleted, _definition.Tombstone(id.Key, replacedUid), IsTombstone: true);
                }

                if (heldUid is null || replacedUid is not null)
                {
                    _held[HeldObjects.Shared(id.Key)] = id.Uid;
                }

                change = new(type, item.Object);
                _context.Metrics.Event(Kind, item.Type == WatchEventType.Added ? "added" : "modified");
                break;
        }

        lock (_context.HandlerGate)
        {
            try
            {
                if (replaced is { } deletion)
                {
                    _handler.OnEvent(deletion);
                }

                _handler.OnEvent(change);
            }
            catch (Exception ex)
            {
                throw new HandlerException($"{Kind} handler failed on an event", ex);
            }
        }
    }
}
