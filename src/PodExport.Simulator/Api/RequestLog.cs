namespace PodExport.Simulator.Api;

/// <summary>Every request, kept (up to a cap) for tests to inspect and wait on (kubernetes-api D.1 items 9, 34, 35).</summary>
public sealed class RequestLog
{
    private const int Capacity = 20_000;
    private readonly Lock _lock = new();
    private readonly LinkedList<RequestRecord> _records = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;

    /// <summary>The id of the newest request so far (0 before any): wait for <c>r.Id &gt; mark</c> to see only later ones.</summary>
    public long LastId
    {
        get
        {
            lock (_lock)
            {
                return _nextId;
            }
        }
    }

    /// <summary>A copy of the kept records, oldest first.</summary>
    public IReadOnlyList<RequestRecord> Snapshot()
    {
        lock (_lock)
        {
            return [.. _records];
        }
    }

    /// <summary>Waits until a record (present or future, started or ended) satisfies <paramref name="predicate"/>.</summary>
    public async Task<RequestRecord> WaitForAsync(Func<RequestRecord, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                foreach (var r in _records)
                {
                    if (predicate(r))
                    {
                        return r;
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
                throw new TimeoutException($"No request matched within {timeout}.");
            }
        }
    }

    internal RequestRecord Start(string method, string path, string query, DateTimeOffset now, string? userAgent)
    {
        RequestRecord record;
        lock (_lock)
        {
            record = new RequestRecord(++_nextId, method, path, query, now, userAgent);
            _records.AddLast(record);
            if (_records.Count > Capacity)
            {
                _records.RemoveFirst();
            }
        }

        Pulse();
        return record;
    }

    /// <summary>Wakes waiters after a record changed.</summary>
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
}
