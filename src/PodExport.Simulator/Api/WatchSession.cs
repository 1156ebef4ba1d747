using System.Buffers;
using PodExport.Simulator.Faults;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// One watch stream: headers first, then synthetic ADDEDs or history replay, then live events, bookmarks and the
/// clean end at the deadline, with the injected fault (if any) applied on the way.
/// </summary>
internal sealed class WatchSession
{
    private const int ReadBatch = 512;
    private static readonly TimeSpan DeadlineBookmarkLead = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan AbortGrace = TimeSpan.FromMilliseconds(300);

    private readonly HttpContext _context;
    private readonly RequestRecord _record;
    private readonly ActiveWatch _watch;
    private readonly ObjectFilter _filter;
    private readonly FaultRule? _fault;
    private readonly ClusterStore _store;
    private readonly ServerSwitches _switches;
    private readonly WatcherRegistry _watchers;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _deadline;
    private readonly CancellationToken _aborted;
    private readonly IBufferWriter<byte> _out;
    private readonly bool _table;
    private bool _faultPending;
    private int _burstHeld;
    private bool _deadlineBookmarkSent;
    private DateTimeOffset _nextBookmark;
    private long _cursor;

    public WatchSession(HttpContext context, RequestRecord record, ActiveWatch watch, ObjectFilter filter, FaultRule? fault,
        ClusterStore store, ServerSwitches switches, WatcherRegistry watchers, TimeProvider time, TimeSpan timeout)
    {
        _context = context;
        _record = record;
        _watch = watch;
        _filter = filter;
        _fault = fault;
        _faultPending = fault is not null;
        _store = store;
        _switches = switches;
        _watchers = watchers;
        _time = time;
        var now = time.GetUtcNow();
        _deadline = now + timeout;
        _nextBookmark = now + switches.BookmarkInterval;
        _aborted = context.RequestAborted;
        _out = context.Response.BodyWriter;
        _table = PodTable.Requested(context.Request, watch.Kind);
    }

    private bool Bookmarks => _watch.Parameters.AllowWatchBookmarks && !_switches.SuppressBookmarks;

    /// <summary>Streams until the deadline, a close request, the client leaving or a fault.</summary>
    public async Task RunAsync(Func<long, CancellationToken, Task<bool>> waitForResourceVersion)
    {
        _context.Response.StatusCode = 200;
        _context.Response.ContentType = "application/json";
        await _context.Response.StartAsync(_aborted);
        await _context.Response.BodyWriter.FlushAsync(_aborted);
        using var wakeOnAbort = _aborted.Register(_watch.Wake);

        if (_fault?.Fault == FaultKind.CloseWithZeroEvents)
        {
            _record.Ending = RequestEnding.Fault;
            return;
        }

        if (_fault?.Fault == FaultKind.Delay)
        {
            await ApiServer.DelayFromStartAsync(_record, _fault.Delay, _time, _aborted);
        }

        if (!await StartAsync(waitForResourceVersion) || !await CheckFaultAsync())
        {
            return;
        }

        await FlushAsync();
        await LoopAsync();
    }

    private async Task<bool> StartAsync(Func<long, CancellationToken, Task<bool>> waitForResourceVersion)
    {
        var query = _watch.Parameters;
        if (query.SendInitialEvents == true || query.ResourceVersionNumber is null)
        {
            if (query.ResourceVersionNumber is { } minimum && !await waitForResourceVersion(minimum, _aborted))
            {
                await EndWithErrorAsync(ApiStatus.TooLarge(minimum));
                return false;
            }

            var (set, rv) = _store.Snapshot(_watch.Kind);
            var sent = 0;
            foreach (var obj in set)
            {
                if (!_filter.Matches(obj))
                {
                    continue;
                }

                if (!await WriteEventAsync("ADDED", obj))
                {
                    return false;
                }

                // Large initial sets go out in chunks rather than piling up in the response pipe.
                if (++sent % ReadBatch == 0)
                {
                    await FlushAsync();
                }
            }

            _cursor = rv;
            if (query.SendInitialEvents == true && query.AllowWatchBookmarks)
            {
                // The end-of-initial-events bookmark is part of the streaming-list protocol: not subject to suppression.
                WriteBookmark(rv, initialEventsEnd: true);
            }

            return true;
        }

        var requested = query.ResourceVersionNumber.Value;
        var floor = _store.Floor;
        if (requested < floor)
        {
            await EndWithErrorAsync(ApiStatus.TooOld(requested, floor));
            return false;
        }

        if (!await waitForResourceVersion(requested, _aborted))
        {
            await EndWithErrorAsync(ApiStatus.TooLarge(requested));
            return false;
        }

        _cursor = requested;
        return true;
    }

    private async Task LoopAsync()
    {
        Task? timer = null;
        DateTimeOffset timerDue = default;
        using var timerCancel = CancellationTokenSource.CreateLinkedTokenSource(_aborted);
        while (true)
        {
            var wake = _watch.WakeTask;
            if (_watch.AbortRequested)
            {
                _record.Ending = RequestEnding.ServerStop;
                _context.Abort();
                return;
            }

            if (_watch.CloseRequested || _aborted.IsCancellationRequested)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (now >= _deadline)
            {
                _record.Ending = RequestEnding.Timeout;
                return;
            }

            if (_watch.PendingBookmark is { } pending)
            {
                _watch.PendingBookmark = null;
                if (_watch.Parameters.AllowWatchBookmarks)
                {
                    WriteBookmark(pending == 0 ? _cursor : pending, initialEventsEnd: false);
                    await FlushAsync();
                }
            }

            var read = _store.ReadEvents(_watch.Kind, _cursor, ReadBatch);
            if (read.Expired)
            {
                await EndWithErrorAsync(ApiStatus.TooOld(_cursor, read.Floor));
                return;
            }

            foreach (var ev in read.Events)
            {
                var (type, obj) = Transform(ev);
                if (type is not null && !await WriteEventAsync(type, obj))
                {
                    return;
                }

                _cursor = ev.ResourceVersion;
            }

            _cursor = Math.Max(_cursor, read.Cursor);
            if (read.Events.Length > 0)
            {
                await FlushAsync();
                continue;
            }

            if (Bookmarks)
            {
                if (now >= _nextBookmark || (!_deadlineBookmarkSent && now >= _deadline - DeadlineBookmarkLead))
                {
                    _deadlineBookmarkSent |= now >= _deadline - DeadlineBookmarkLead;
                    _nextBookmark = now + _switches.BookmarkInterval;
                    WriteBookmark(_cursor, initialEventsEnd: false);
                    await FlushAsync();
                    continue;
                }
            }

            var due = _deadline;
            if (Bookmarks)
            {
                due = Min(due, _nextBookmark);
                if (!_deadlineBookmarkSent)
                {
                    due = Min(due, _deadline - DeadlineBookmarkLead);
                }
            }

            if (timer is null || timer.IsCompleted || timerDue != due)
            {
                timerDue = due;
                var delay = due - now;
                timer = Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, _time, timerCancel.Token);
            }

            await Task.WhenAny(read.Changed, wake, timer);
        }
    }

    /// <summary>Maps a history event through the selectors: leaving the selection is DELETED, entering is ADDED.</summary>
    private (string? Type, StoredObject Object) Transform(HistoryEvent ev)
    {
        var now = _filter.Matches(ev.Object);
        switch (ev.Type)
        {
            case ChangeType.Added:
                return (now ? "ADDED" : null, ev.Object);
            case ChangeType.Deleted:
                return (now ? "DELETED" : null, ev.Object);
            default:
                var before = ev.Previous is not null && _filter.Matches(ev.Previous);
                return ((before, now) switch
                {
                    (true, true) => "MODIFIED",
                    (false, true) => "ADDED",
                    (true, false) => "DELETED",
                    _ => null,
                }, ev.Object);
        }
    }

    /// <summary>Writes one event (applying the fault when its turn comes). False when the stream must end.</summary>
    private async Task<bool> WriteEventAsync(string type, StoredObject obj)
    {
        if (!await CheckFaultAsync())
        {
            return false;
        }

        var tableLine = _table ? TableLine(type, obj) : null;
        var lineFault = _faultPending && _fault is not null && _watch.EventsSent >= _fault.AfterEvents &&
            _fault.Fault is FaultKind.AbortMidLine or FaultKind.TrickleEvent or FaultKind.PrettyEvent or FaultKind.MalformedLine or FaultKind.BlankLine;
        if (!lineFault)
        {
            if (tableLine is not null)
            {
                _out.Write(tableLine);
            }
            else
            {
                // The hot path: splice straight into the response pipe, no per-watcher copy of the line.
                _out.Write(WatchLines.Prefix(type, obj.Kind));
                _out.Write(obj.Json.AsSpan(1));
                _out.Write("}\n"u8);
            }

            Count(obj);
            return await AfterWriteAsync();
        }

        var line = tableLine ?? WatchLines.Line(type, obj);
        if (_fault is not null)
        {
            switch (_fault.Fault)
            {
                case FaultKind.AbortMidLine:
                    _out.Write(line.AsSpan(0, line.Length / 2));
                    await FlushAsync();
                    await AbortAsync();
                    return false;
                case FaultKind.TrickleEvent:
                    _faultPending = false;
                    await FlushAsync();
                    foreach (var b in line)
                    {
                        _out.Write([b]);
                        await FlushAsync();
                        if (_fault.Delay > TimeSpan.Zero)
                        {
                            await Task.Delay(_fault.Delay, _time, _aborted);
                        }
                    }

                    Count(obj);
                    return true;
                case FaultKind.PrettyEvent:
                    _faultPending = false;
                    line = WatchLines.PrettyPrint(line);
                    break;
                case FaultKind.MalformedLine:
                    _faultPending = false;
                    _out.Write("{\"type\":\"MODIFIED\",\"object\":{\"kind\":this is not json\n"u8);
                    break;
                case FaultKind.BlankLine:
                    _faultPending = false;
                    _out.Write("\n"u8);
                    break;
            }
        }

        _out.Write(line);
        Count(obj);
        return await AfterWriteAsync();
    }

    private async Task<bool> AfterWriteAsync()
    {
        if (_faultPending && _fault?.Fault == FaultKind.Burst)
        {
            // Hold the flush until the burst is complete; the loop's own flushes are suppressed meanwhile.
            if (++_burstHeld >= _fault.BurstSize)
            {
                _faultPending = false;
                await FlushAsync();
            }
        }

        return true;
    }

    /// <summary>Applies the terminal faults once <c>AfterEvents</c> events went out. False when the stream ended.</summary>
    private async Task<bool> CheckFaultAsync()
    {
        if (!_faultPending || _fault is null || _watch.EventsSent < _fault.AfterEvents)
        {
            return true;
        }

        switch (_fault.Fault)
        {
            case FaultKind.WatchExpired:
                await EndWithErrorAsync(ApiStatus.TooOld(Math.Max(_cursor, 1), Math.Max(_cursor, 1) + 1), fault: true);
                return false;
            case FaultKind.WatchInternalError:
                await EndWithErrorAsync(new ApiStatus(500, "InternalError", "Internal error occurred: simulated watch failure"), fault: true);
                return false;
            case FaultKind.AbortAfterEvents:
                await FlushAsync();
                await AbortAsync();
                return false;
            case FaultKind.CloseAfterEvents:
                _record.Ending = RequestEnding.Fault;
                await FlushAsync();
                return false;
            case FaultKind.StallAfterEvents:
                _record.Ending = RequestEnding.Fault;
                await FlushAsync();
                while (!_aborted.IsCancellationRequested && !_watch.AbortRequested)
                {
                    await _watch.WakeTask.WaitAsync(_aborted);
                }

                Abort();
                return false;
            case FaultKind.AbortMidLine or FaultKind.TrickleEvent or FaultKind.PrettyEvent or FaultKind.MalformedLine or FaultKind.BlankLine:
                return true; // line-level faults, applied by WriteEventAsync when an event is due
            default:
                return true;
        }
    }

    /// <summary>A watch event whose object is a one-row Table (kubectl get -w asks for Tables).</summary>
    private byte[] TableLine(string type, StoredObject obj)
    {
        var table = PodTable.Build([obj], $"\"resourceVersion\":\"{obj.ResourceVersion}\"", _time.GetUtcNow());
        var prefix = System.Text.Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
        var line = new byte[prefix.Length + table.Length + 2];
        prefix.CopyTo(line, 0);
        table.CopyTo(line, prefix.Length);
        line[^2] = (byte)'}';
        line[^1] = (byte)'\n';
        return line;
    }

    private void Count(StoredObject obj)
    {
        _watch.EventsSent++;
        _record.EventsSent++;
        _watch.LastSentResourceVersion = obj.ResourceVersion;
    }

    private void WriteBookmark(long resourceVersion, bool initialEventsEnd)
    {
        _out.Write(WatchLines.Bookmark(_watch.Kind, resourceVersion, _switches.BookmarkShape, initialEventsEnd));
        _watch.BookmarksSent++;
        _record.BookmarksSent++;
        _watch.LastSentResourceVersion = resourceVersion;
    }

    private async Task EndWithErrorAsync(ApiStatus status, bool fault = false)
    {
        if (fault)
        {
            _record.Ending = RequestEnding.Fault;
        }

        _out.Write(status.ToWatchErrorLine());
        await FlushAsync(force: true);
    }

    private async Task FlushAsync(bool force = false)
    {
        if (!force && _faultPending && _fault?.Fault == FaultKind.Burst)
        {
            return;
        }

        await _context.Response.BodyWriter.FlushAsync(_aborted);
        _watchers.Pulse();
    }

    /// <summary>
    /// Resets the connection after giving the client a moment to read what was flushed: a reset makes the peer's
    /// kernel drop received-but-unread bytes, which would hide the events sent before the fault. Network time, not
    /// virtual time, hence the system clock.
    /// </summary>
    private async Task AbortAsync()
    {
        await Task.Delay(AbortGrace, TimeProvider.System, _aborted);
        Abort();
    }

    private void Abort()
    {
        _record.Ending = RequestEnding.Fault;
        _context.Abort();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
