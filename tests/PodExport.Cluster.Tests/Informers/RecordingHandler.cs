using PodExport.Cluster.Informers;

namespace PodExport.Cluster.Tests.Informers;

/// <summary>Records what a reflector delivers and keeps the resulting state, for assertions and waits.</summary>
public sealed class RecordingHandler<T>(Func<T, ObjectIdentity> identify) : IResourceEventHandler<T>
{
    private readonly Lock _lock = new();
    private readonly List<RecordedCall<T>> _calls = [];
    private readonly Dictionary<ObjectKey, T> _state = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Action? OnCall { get; set; }

    public IReadOnlyList<RecordedCall<T>> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<RecordedCall<T>> Lists => [.. Calls.Where(c => c.IsList)];

    public IReadOnlyDictionary<ObjectKey, T> State
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<ObjectKey, T>(_state);
            }
        }
    }

    public IReadOnlyList<ResourceEvent<T>> Events => [.. Calls.Where(c => !c.IsList).SelectMany(c => c.Changes)];

    public void OnList(IReadOnlyList<ResourceEvent<T>> changes, bool initial) => Record(new RecordedCall<T>(true, initial, [.. changes]));

    public void OnEvent(ResourceEvent<T> change) => Record(new RecordedCall<T>(false, false, [change]));

    public async Task WaitForAsync(Func<RecordingHandler<T>, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                changed = _changed.Task;
            }

            if (condition(this))
            {
                return;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for: {what}. Calls: {string.Join("; ", Calls)}");
            }
        }
    }

    public Task WaitForStateAsync(Func<IReadOnlyDictionary<ObjectKey, T>, bool> condition, string what) =>
        WaitForAsync(h => condition(h.State), what);

    private void Record(RecordedCall<T> call)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _calls.Add(call);
            foreach (var change in call.Changes)
            {
                var key = identify(change.Object).Key;
                if (change.Type == ResourceEventType.Deleted)
                {
                    _state.Remove(key);
                }
                else
                {
                    _state[key] = change.Object;
                }
            }

            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        OnCall?.Invoke();
        changed.TrySetResult();
    }
}

public sealed record RecordedCall<T>(bool IsList, bool Initial, IReadOnlyList<ResourceEvent<T>> Changes)
{
    public override string ToString() => (IsList ? $"List(initial={Initial}, " : "Event(") + $"{Changes.Count} changes)";
}
