using PodExport.Cluster.Informers;

namespace PodExport.Cluster.Tests.Informers;

/// <summary>The reflector's test observer: every step, in order, with waits that need no sleeps.</summary>
internal sealed class SignalLog
{
    private readonly Lock _lock = new();
    private readonly List<ReflectorSignal> _signals = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReflectorSignal> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _signals];
            }
        }
    }

    /// <summary>The position to wait from, so a wait only sees what happens after it.</summary>
    public int Mark
    {
        get
        {
            lock (_lock)
            {
                return _signals.Count;
            }
        }
    }

    public void Add(ReflectorSignal signal)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _signals.Add(signal);
            changed = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Waits for the first signal at or after <paramref name="from"/> that matches.</summary>
    public async Task<ReflectorSignal> WaitForAsync(int from, Func<ReflectorSignal, bool> match, string what, TimeSpan? timeout = null) =>
        (await WaitForEntryAsync(from, match, what, timeout)).Signal;

    /// <summary>Like <see cref="WaitForAsync(int, Func{ReflectorSignal, bool}, string, TimeSpan?)"/>, with the signal's position.</summary>
    public async Task<(ReflectorSignal Signal, int Index)> WaitForEntryAsync(int from, Func<ReflectorSignal, bool> match, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                for (var i = from; i < _signals.Count; i++)
                {
                    if (match(_signals[i]))
                    {
                        return (_signals[i], i);
                    }
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting for {what}. Signals: {string.Join(", ", All.Skip(from).Select(s => $"{s.Step}:{s.Detail}"))}");
            }
        }
    }

    public Task<ReflectorSignal> WaitForAsync(int from, ReflectorStep step, string? detail = null) =>
        WaitForAsync(from, s => s.Step == step && (detail is null || s.Detail == detail), $"{step}:{detail}");
}
