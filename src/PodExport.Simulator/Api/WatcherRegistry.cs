namespace PodExport.Simulator.Api;

/// <summary>The running watches, for counting, waiting on and closing them (kubernetes-api D.1 items 19, 21, 35).</summary>
public sealed class WatcherRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, ActiveWatch> _watches = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ActiveCount
    {
        get
        {
            lock (_lock)
            {
                return _watches.Count;
            }
        }
    }

    public IReadOnlyList<WatcherInfo> Active()
    {
        lock (_lock)
        {
            return _watches.Values.Select(w => w.ToInfo()).OrderBy(w => w.Id).ToList();
        }
    }

    /// <summary>Waits until an active watch satisfies <paramref name="predicate"/>; checked on every start, stop and event.</summary>
    public async Task<WatcherInfo> WaitForAsync(Func<WatcherInfo, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                foreach (var w in _watches.Values.OrderBy(w => w.Id))
                {
                    var info = w.ToInfo();
                    if (predicate(info))
                    {
                        return info;
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No watcher matched within {timeout}. Active: {string.Join(", ", Active())}");
            }
        }
    }

    /// <summary>Ends matching watches cleanly (as a timeout would). Returns how many.</summary>
    public int Close(Func<WatcherInfo, bool>? filter = null) => ForEach(filter, w => w.RequestClose());

    /// <summary>Makes matching watches that asked for bookmarks send one now, at <paramref name="resourceVersion"/> or their current position.</summary>
    public int SendBookmark(Func<WatcherInfo, bool>? filter = null, long? resourceVersion = null) =>
        ForEach(filter, w =>
        {
            w.PendingBookmark = resourceVersion ?? 0;
            w.Wake();
        });

    internal int AbortAll() => ForEach(null, w => w.RequestAbort());

    internal void Add(ActiveWatch watch)
    {
        lock (_lock)
        {
            _watches.Add(watch.Id, watch);
        }

        Pulse();
    }

    internal void Remove(ActiveWatch watch)
    {
        lock (_lock)
        {
            _watches.Remove(watch.Id);
        }

        Pulse();
    }

    internal void Pulse()
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private int ForEach(Func<WatcherInfo, bool>? filter, Action<ActiveWatch> action)
    {
        List<ActiveWatch> matched;
        lock (_lock)
        {
            matched = _watches.Values.Where(w => filter is null || filter(w.ToInfo())).ToList();
        }

        matched.ForEach(action);
        return matched.Count;
    }
}
