using System.Diagnostics;

namespace PodExport.Server.Tests.Telemetry;

/// <summary>
/// The in-memory exporter's target: a thread-safe list of finished spans that a test can wait on (the export span
/// ends after the response body, so after the client has read it).
/// </summary>
internal sealed class ActivityRecorder : ICollection<Activity>
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _activities = [];
    private readonly List<(Func<Activity, bool> Match, TaskCompletionSource<Activity> Done)> _waiters = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _activities.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_gate)
        {
            _activities.Add(item);
            foreach (var waiter in _waiters.Where(w => w.Match(item)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(item);
            }
        }
    }

    /// <summary>The first span (already finished or yet to come) that matches, within 10 s.</summary>
    public Task<Activity> WaitForAsync(Func<Activity, bool> match)
    {
        lock (_gate)
        {
            var found = _activities.FirstOrDefault(match);
            if (found is not null)
            {
                return Task.FromResult(found);
            }

            var done = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public List<Activity> Snapshot()
    {
        lock (_gate)
        {
            return [.. _activities];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _activities.Clear();
        }
    }

    public bool Contains(Activity item)
    {
        lock (_gate)
        {
            return _activities.Contains(item);
        }
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate)
        {
            _activities.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(Activity item)
    {
        lock (_gate)
        {
            return _activities.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
