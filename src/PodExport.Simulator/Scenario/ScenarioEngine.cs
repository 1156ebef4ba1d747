using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Scenario;

/// <summary>
/// Deterministic churn from a seed (kubernetes-api D.2). Everything random comes from the seed (one stream for the
/// events, one derived from it for the shapes of pod specs), every timestamp from the virtual time of the action being
/// run, and actions run in (virtual time, sequence) order, so the same seed and options always give the same writes.
/// Thread-safe: every public member takes one lock.
/// </summary>
public sealed partial class ScenarioEngine
{
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(1);

    private readonly IClusterWriter _writer;
    private readonly ScenarioOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ScenarioRandom _random;

    // Pod spec shapes (ports, env, probes, volume names, …) draw from their own stream, so that shaping pods does not
    // move the names, UIDs, IDs and timings the main stream gives every event.
    private readonly ScenarioRandom _shapes;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<Action, (DateTimeOffset At, long Sequence)> _queue = new();
    private readonly ConcurrentQueue<TerminatedContainer> _terminated = new();
    private long _sequence;
    private long _events;
    private long _writeFailures;
    private DateTimeOffset _now;
    private bool _seeded;

    /// <summary>Creates the engine; nothing is written before <see cref="Seed"/>.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    public ScenarioEngine(IClusterWriter writer, ScenarioOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _writer = writer;
        _options = options;
        _timeProvider = timeProvider;
        _random = new ScenarioRandom(options.Seed);
        _shapes = new ScenarioRandom(unchecked((options.Seed * 7919) + 104729));
        _now = timeProvider.GetUtcNow();
    }

    /// <summary>
    /// Ground truth for tests: every container instance the engine ended and showed in a pod (crashes, OOM kills,
    /// completions, init containers, terminations on deletion, and the <c>lastState</c> runs of seeded pods), in order.
    /// Enumerating it takes a snapshot.
    /// </summary>
    public IReadOnlyCollection<TerminatedContainer> TerminatedContainers => _terminated;

    /// <summary>How many watch events the engine's writes caused (a graceful pod deletion counts two).</summary>
    public long EventsWritten => Interlocked.Read(ref _events);

    /// <summary>Writes the store refused (objects changed through the API behind the engine's back).</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>The virtual time the engine has reached.</summary>
    public DateTimeOffset VirtualNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>The number of scheduled actions not yet run.</summary>
    public int PendingActions
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Runs churn on the injected clock until cancelled: virtual time advances at <see cref="ScenarioOptions.Speed"/>
    /// times the clock. Seeds first when <see cref="Seed"/> has not run. With <see cref="ScenarioOptions.ChurnPerSecond"/>
    /// 0 the cluster holds still. Completes (without throwing) once cancelled.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_seeded)
            {
                SeedCore();
            }
        }

        if (_options.ChurnPerSecond <= 0)
        {
            await Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            return;
        }

        var clockStart = _timeProvider.GetUtcNow();
        var virtualStart = VirtualNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            var virtualNow = virtualStart + ((_timeProvider.GetUtcNow() - clockStart) * _options.Speed);
            TimeSpan wait;
            lock (_gate)
            {
                RunUntilCore(virtualNow, cancellationToken);
                wait = _queue.TryPeek(out _, out var next)
                    ? (next.At - virtualNow) / _options.Speed
                    : TimeSpan.FromSeconds(1);
            }

            // A sub-millisecond Task.Delay completes at once; on a fake clock that would spin without time moving.
            if (!await Delay(wait < MinimumDelay ? MinimumDelay : wait, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Runs every action due at or before <paramref name="virtualTime"/> synchronously, then sets the virtual clock to
    /// it; the deterministic way for tests to move the scenario on. Returns the number of actions run.
    /// </summary>
    public int RunUntil(DateTimeOffset virtualTime)
    {
        lock (_gate)
        {
            if (!_seeded)
            {
                SeedCore();
            }

            return RunUntilCore(virtualTime, CancellationToken.None);
        }
    }

    /// <summary>Runs the actions of the next <paramref name="duration"/> of virtual time (see <see cref="RunUntil"/>).</summary>
    public int RunFor(TimeSpan duration) => RunUntil(VirtualNow + duration);

    private int RunUntilCore(DateTimeOffset virtualTime, CancellationToken cancellationToken)
    {
        var count = 0;
        while (!cancellationToken.IsCancellationRequested
            && _queue.TryPeek(out _, out var key) && key.At <= virtualTime)
        {
            var action = _queue.Dequeue();
            _now = key.At;
            action();
            count++;
        }

        if (virtualTime > _now)
        {
            _now = virtualTime;
        }

        return count;
    }

    private async Task<bool> Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void At(TimeSpan delay, Action action) => _queue.Enqueue(action, (_now + delay, _sequence++));

    /// <summary>Kubernetes timestamps have whole seconds.</summary>
    private static DateTime Stamp(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private DateTime Stamp() => Stamp(_now);

    /// <summary>
    /// Writes through the store. A refused write (the object was deleted or created through the API meanwhile, e.g.
    /// by <c>kubectl delete</c>) is counted and reported as false instead of stopping the scenario.
    /// </summary>
    private bool Create(IKubernetesObject<V1ObjectMeta> obj) => Write(obj, create: true);

    private bool Update(IKubernetesObject<V1ObjectMeta> obj) => Write(obj, create: false);

    private bool Write(IKubernetesObject<V1ObjectMeta> obj, bool create)
    {
        try
        {
            if (create)
            {
                _writer.Create(obj);
            }
            else
            {
                _writer.Update(obj);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Interlocked.Increment(ref _writeFailures);
            return false;
        }

        Interlocked.Increment(ref _events);
        return true;
    }

    private void Remove(string kind, string? @namespace, string name)
    {
        if (_writer.Delete(kind, @namespace, name, graceful: false) >= 0)
        {
            Interlocked.Increment(ref _events);
        }
    }
}
