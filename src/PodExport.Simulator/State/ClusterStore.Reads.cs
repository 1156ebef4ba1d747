using System.Collections.Immutable;
using k8s;
using k8s.Models;

namespace PodExport.Simulator.State;

/// <summary>Ground-truth reads for tests and the snapshot/history reads behind list and watch.</summary>
public sealed partial class ClusterStore
{
    /// <summary>Number of events currently kept in the history.</summary>
    public int HistoryCount
    {
        get
        {
            lock (_lock)
            {
                return _history.Count;
            }
        }
    }

    /// <summary>A copy of the object (kind and apiVersion set), or null.</summary>
    public IKubernetesObject<V1ObjectMeta>? Get(string kind, string? @namespace, string name)
    {
        var resource = ResourceKind.Find(kind) ?? throw new ArgumentException($"Unknown kind {kind}.", nameof(kind));
        lock (_lock)
        {
            return Find(resource, new ObjectKey(resource.Namespaced ? @namespace ?? "" : "", name))?.ToModel();
        }
    }

    /// <summary>A copy of the object, or null.</summary>
    public T? Get<T>(string? @namespace, string name)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        (T?)Get(KindOf<T>().Kind, @namespace, name);

    /// <summary>Copies of every object of a kind, sorted by namespace/name; optionally one namespace only.</summary>
    public IReadOnlyList<IKubernetesObject<V1ObjectMeta>> List(string kind, string? @namespace = null)
    {
        var resource = ResourceKind.Find(kind) ?? throw new ArgumentException($"Unknown kind {kind}.", nameof(kind));
        var (set, _) = Snapshot(resource);
        return set.Where(o => @namespace is null || o.Key.Namespace == @namespace).Select(o => o.ToModel()).ToList();
    }

    /// <summary>Copies of every object of a model type, sorted by namespace/name.</summary>
    public IReadOnlyList<T> List<T>(string? @namespace = null)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        List(KindOf<T>().Kind, @namespace).Cast<T>().ToList();

    /// <summary>Counts per kind, per kind and namespace, and pods per phase (pods without a phase count as "").</summary>
    public ObjectCounts Counts()
    {
        ImmutableSortedSet<StoredObject>[] sets;
        lock (_lock)
        {
            sets = (ImmutableSortedSet<StoredObject>[])_sets.Clone();
        }

        var byKind = new Dictionary<string, int>();
        var byNamespace = new Dictionary<(string, string), int>();
        var byPhase = new Dictionary<string, int>();
        foreach (var kind in ResourceKind.All)
        {
            var set = sets[kind.Index];
            byKind[kind.Kind] = set.Count;
            foreach (var o in set)
            {
                var key = (kind.Kind, o.Key.Namespace);
                byNamespace[key] = byNamespace.GetValueOrDefault(key) + 1;
                if (kind == ResourceKind.Pod)
                {
                    byPhase[o.Phase ?? ""] = byPhase.GetValueOrDefault(o.Phase ?? "") + 1;
                }
            }
        }

        return new ObjectCounts(byKind, byNamespace, byPhase);
    }

    /// <summary>The recorded changes with RV greater than <paramref name="afterRv"/> that are still above the floor.</summary>
    public IReadOnlyList<RecordedChange> History(long afterRv = 0)
    {
        lock (_lock)
        {
            return _history.Skip(CountAtOrBelow(_history, afterRv))
                .Select(e => new RecordedChange(e.Type, e.ResourceVersion, e.Kind.Kind,
                    e.Kind.Namespaced ? e.Object.Key.Namespace : null, e.Object.Key.Name, e.Object.Uid))
                .ToList();
        }
    }

    internal static ResourceKind KindOf<T>() =>
        ResourceKind.All.FirstOrDefault(k => k.ClrType == typeof(T))
        ?? throw new ArgumentException($"The simulator does not serve {typeof(T).Name}.");

    internal StoredObject? GetStored(ResourceKind kind, ObjectKey key)
    {
        lock (_lock)
        {
            return Find(kind, key);
        }
    }

    /// <summary>The kind's current set and the RV it is consistent with.</summary>
    internal (ImmutableSortedSet<StoredObject> Set, long ResourceVersion) Snapshot(ResourceKind kind)
    {
        lock (_lock)
        {
            return (_sets[kind.Index], _rv);
        }
    }

    /// <summary>The kind's set as it was at <paramref name="rv"/>, or null below the floor (or above the current RV).</summary>
    internal ImmutableSortedSet<StoredObject>? SnapshotAt(ResourceKind kind, long rv)
    {
        lock (_lock)
        {
            if (rv < _floor || rv > _rv)
            {
                return null;
            }

            var list = _kindHistory[kind.Index];
            var index = CountAtOrBelow(list, rv);
            return index < list.Count ? list[index].SetBefore : _sets[kind.Index];
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> events of a kind after <paramref name="afterRv"/>. <c>Cursor</c> is where the
    /// next read starts (the global RV when the reader caught up); <c>Changed</c> completes at the kind's next write.
    /// <c>Expired</c> means events this reader needed were compacted away.
    /// </summary>
    internal HistoryRead ReadEvents(ResourceKind kind, long afterRv, int max)
    {
        lock (_lock)
        {
            if (afterRv < _kindCompactedUpTo[kind.Index])
            {
                return new HistoryRead([], afterRv, _kindSignals[kind.Index].Task, Expired: true, _floor);
            }

            var list = _kindHistory[kind.Index];
            var start = CountAtOrBelow(list, afterRv);
            var count = Math.Min(max, list.Count - start);
            var events = count == 0 ? [] : list.GetRange(start, count).ToArray();
            var cursor = start + count < list.Count ? events[^1].ResourceVersion : Math.Max(afterRv, _rv);
            return new HistoryRead(events, cursor, _kindSignals[kind.Index].Task, Expired: false, _floor);
        }
    }

    /// <summary>Completes at the next write of any kind.</summary>
    internal Task AnyChange
    {
        get
        {
            lock (_lock)
            {
                return _anySignal.Task;
            }
        }
    }
}

/// <summary>The result of <see cref="ClusterStore.ReadEvents"/>.</summary>
internal sealed record HistoryRead(HistoryEvent[] Events, long Cursor, Task Changed, bool Expired, long Floor);
