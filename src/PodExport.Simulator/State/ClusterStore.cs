using System.Collections.Immutable;
using System.Globalization;
using k8s;
using k8s.Models;

namespace PodExport.Simulator.State;

/// <summary>
/// The simulated cluster's objects: one global resourceVersion, the current object set per kind, and the change
/// history above a movable compaction floor (kubernetes-api D.1 items 10, 11, 17, 34). Thread-safe; writes are
/// serialized so that RV order is history order.
/// </summary>
public sealed partial class ClusterStore : IClusterWriter
{
    private static readonly string[] SystemNamespaces = ["default", "kube-node-lease", "kube-public", "kube-system"];

    private readonly Lock _lock = new();
    private readonly StoreOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly Random _random;
    private readonly ImmutableSortedSet<StoredObject>[] _sets;
    private readonly List<HistoryEvent> _history = [];
    private readonly List<HistoryEvent>[] _kindHistory;
    private readonly long[] _kindCompactedUpTo;
    private readonly TaskCompletionSource[] _kindSignals;
    private TaskCompletionSource _anySignal = NewSignal();
    private long _rv;
    private long _floor;

    public ClusterStore(StoreOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        _random = new Random(options.Seed);
        var kinds = ResourceKind.All.Count;
        _sets = Enumerable.Range(0, kinds).Select(_ => ImmutableSortedSet.Create(StoredObject.KeyComparer)).ToArray();
        _kindHistory = Enumerable.Range(0, kinds).Select(_ => new List<HistoryEvent>()).ToArray();
        _kindCompactedUpTo = new long[kinds];
        _kindSignals = Enumerable.Range(0, kinds).Select(_ => NewSignal()).ToArray();

        // kube-system's UID is the cluster id (OTel k8s.cluster.uid), so it must be stable for a given seed.
        ClusterUid = NewUid();
        foreach (var name in SystemNamespaces)
        {
            Create(new V1Namespace
            {
                Metadata = new V1ObjectMeta
                {
                    Name = name,
                    Uid = name == "kube-system" ? ClusterUid : null,
                    Labels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = name },
                },
                Spec = new V1NamespaceSpec { Finalizers = ["kubernetes"] },
                Status = new V1NamespaceStatus { Phase = "Active" },
            });
        }
    }

    /// <summary>The UID of the kube-system namespace, derived from the seed.</summary>
    public string ClusterUid { get; }

    /// <summary>The newest resourceVersion.</summary>
    public long CurrentRV
    {
        get
        {
            lock (_lock)
            {
                return _rv;
            }
        }
    }

    /// <summary>The compaction floor: a watch can resume from any RV at or above it.</summary>
    public long Floor
    {
        get
        {
            lock (_lock)
            {
                return _floor;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>An object that already exists is replaced (MODIFIED), keeping its UID and creation time.</remarks>
    public long Create(IKubernetesObject<V1ObjectMeta> obj) => Create(obj, failIfExists: false);

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">The object does not exist.</exception>
    public long Update(IKubernetesObject<V1ObjectMeta> obj)
    {
        var kind = ResourceKind.ForObject(obj);
        var key = Normalize(kind, obj);
        long rv;
        lock (_lock)
        {
            var existing = Find(kind, key) ?? throw new KeyNotFoundException($"{kind.Kind} {key} does not exist.");
            rv = Replace(kind, obj, existing);
        }

        Signal(kind);
        return rv;
    }

    /// <inheritdoc />
    public long Delete(string kind, string? @namespace, string name, bool graceful)
    {
        var resource = ResourceKind.Find(kind) ?? throw new ArgumentException($"Unknown kind {kind}.", nameof(kind));
        return Delete(resource, new ObjectKey(resource.Namespaced ? @namespace ?? "" : "", name), graceful, null)?.ResourceVersion ?? -1;
    }

    /// <summary>Lowers nothing and raises the floor to <paramref name="rv"/> (at most the current RV), dropping older events.</summary>
    public void Compact(long rv)
    {
        lock (_lock)
        {
            CompactLocked(rv);
        }
    }

    internal long Create(IKubernetesObject<V1ObjectMeta> obj, bool failIfExists)
    {
        var kind = ResourceKind.ForObject(obj);
        var meta = obj.Metadata ?? throw new ArgumentException("metadata is required.", nameof(obj));
        long rv;
        lock (_lock)
        {
            if (string.IsNullOrEmpty(meta.Name) && !string.IsNullOrEmpty(meta.GenerateName))
            {
                meta.Name = meta.GenerateName + RandomSuffix();
            }

            var key = Normalize(kind, obj);
            var existing = Find(kind, key);
            if (existing is not null)
            {
                if (failIfExists)
                {
                    return -1;
                }

                rv = Replace(kind, obj, existing);
            }
            else
            {
                meta.Uid ??= NewUid();
                meta.CreationTimestamp ??= Now();
                rv = Write(ChangeType.Added, kind, obj, null).ResourceVersion;
            }
        }

        Signal(kind);
        return rv;
    }

    /// <summary>
    /// Deletes an object; <paramref name="gracePeriodSeconds"/> overrides the pod default when graceful. Returns the
    /// last state (the DELETED event's object), or null when the object does not exist.
    /// </summary>
    internal StoredObject? Delete(ResourceKind kind, ObjectKey key, bool graceful, long? gracePeriodSeconds)
    {
        StoredObject last;
        lock (_lock)
        {
            var existing = Find(kind, key);
            if (existing is null)
            {
                return null;
            }

            if (graceful && !existing.Terminating)
            {
                var terminating = existing.ToModel();
                var now = Now();
                long grace = 0;
                if (terminating is V1Pod pod)
                {
                    grace = gracePeriodSeconds ?? pod.Spec?.TerminationGracePeriodSeconds ?? PodTermination.DefaultGracePeriodSeconds;
                    PodTermination.Terminate(pod, now);
                }

                terminating.Metadata.DeletionTimestamp = now.AddSeconds(grace);
                terminating.Metadata.DeletionGracePeriodSeconds = grace;
                Write(ChangeType.Modified, kind, terminating, existing);
                existing = Find(kind, key)!; // just written under the same lock
            }

            last = Write(ChangeType.Deleted, kind, existing.ToModel(), existing);
        }

        Signal(kind);
        return last;
    }

    private long Replace(ResourceKind kind, IKubernetesObject<V1ObjectMeta> obj, StoredObject existing)
    {
        var meta = obj.Metadata;
        if (string.IsNullOrEmpty(meta.Uid))
        {
            meta.Uid = existing.Uid;
        }

        meta.CreationTimestamp ??= existing.CreationTimestamp;

        return Write(ChangeType.Modified, kind, obj, existing).ResourceVersion;
    }

    /// <summary>Bumps the RV, stamps it, updates the set and records the event. Caller holds the lock.</summary>
    private StoredObject Write(ChangeType type, ResourceKind kind, IKubernetesObject<V1ObjectMeta> obj, StoredObject? previous)
    {
        var rv = ++_rv;
        obj.Metadata.ResourceVersion = rv.ToString(CultureInfo.InvariantCulture);
        var stored = StoredObject.From(kind, obj, rv);
        var before = _sets[kind.Index];
        var after = previous is null ? before : before.Remove(previous);
        _sets[kind.Index] = type == ChangeType.Deleted ? after : after.Add(stored);
        var ev = new HistoryEvent(type, rv, stored, previous, before, _timeProvider.GetUtcNow());
        _history.Add(ev);
        _kindHistory[kind.Index].Add(ev);
        AutoCompact();
        return stored;
    }

    private void AutoCompact()
    {
        if (_rv - _floor > _options.HistoryLimit)
        {
            CompactLocked(_rv - (_options.HistoryLimit - (_options.HistoryLimit / 10)));
        }

        var maxAge = _options.HistoryMaxAge;
        if (maxAge <= TimeSpan.Zero || _history.Count == 0)
        {
            return;
        }

        var cutoff = _timeProvider.GetUtcNow() - maxAge;
        if (_history[0].At >= cutoff)
        {
            return;
        }

        // Events are appended in time order: find the last one older than the cutoff.
        int lo = 0, hi = _history.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_history[mid].At < cutoff)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        CompactLocked(_history[lo].ResourceVersion);
    }

    private void CompactLocked(long rv)
    {
        rv = Math.Min(rv, _rv);
        if (rv <= _floor)
        {
            return;
        }

        _floor = rv;
        _history.RemoveRange(0, CountAtOrBelow(_history, rv));
        for (var k = 0; k < _kindHistory.Length; k++)
        {
            var list = _kindHistory[k];
            var n = CountAtOrBelow(list, rv);
            if (n > 0)
            {
                _kindCompactedUpTo[k] = list[n - 1].ResourceVersion;
                list.RemoveRange(0, n);
            }
        }
    }

    /// <summary>Number of leading events with RV ≤ <paramref name="rv"/> (binary search).</summary>
    private static int CountAtOrBelow(List<HistoryEvent> list, long rv)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].ResourceVersion <= rv)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private StoredObject? Find(ResourceKind kind, ObjectKey key) =>
        _sets[kind.Index].TryGetValue(StoredObject.Probe(kind, key), out var found) ? found : null;

    private static ObjectKey Normalize(ResourceKind kind, IKubernetesObject<V1ObjectMeta> obj)
    {
        var meta = obj.Metadata ?? throw new ArgumentException("metadata is required.", nameof(obj));
        if (string.IsNullOrEmpty(meta.Name))
        {
            throw new ArgumentException("metadata.name is required.", nameof(obj));
        }

        if (kind.Namespaced)
        {
            meta.NamespaceProperty = string.IsNullOrEmpty(meta.NamespaceProperty) ? "default" : meta.NamespaceProperty;
        }
        else
        {
            meta.NamespaceProperty = null;
        }

        return new ObjectKey(meta.NamespaceProperty ?? "", meta.Name);
    }

    private void Signal(ResourceKind kind)
    {
        TaskCompletionSource kindSignal, anySignal;
        lock (_lock)
        {
            kindSignal = _kindSignals[kind.Index];
            _kindSignals[kind.Index] = NewSignal();
            anySignal = _anySignal;
            _anySignal = NewSignal();
        }

        kindSignal.TrySetResult();
        anySignal.TrySetResult();
    }

    private DateTime Now()
    {
        // metav1.Time has whole-second precision on the wire (RFC 3339 without fractions).
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (Guid's little-endian layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    private string RandomSuffix()
    {
        const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";
        return string.Create(5, _random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[r.Next(Alphabet.Length)];
            }
        });
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
