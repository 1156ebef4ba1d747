using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Cluster.Pods;

/// <summary>
/// A pod's recorded terminated instances: one bucket per container name in creation order, each ordered oldest
/// first and capped (pod-model M-19, M-20). Immutable: a merge that records something returns a new history and
/// leaves the old one (possibly in a published record) untouched.
/// </summary>
/// <remarks>
/// A history is either held as instances, or backed by a rendered pod line whose <c>terminatedInstances</c> are
/// exactly its buckets (what a pod's state keeps: the instances are in the line already, so the state holds only
/// the line and the few dedup keys the line cannot give back). A backed history reads the line again whenever it
/// needs its instances; <see cref="Load"/> does so once for a series of operations.
/// </remarks>
public sealed class TerminatedHistory
{
    public static readonly TerminatedHistory Empty = new([]);

    private readonly HistoryBucket[]? _buckets;
    private readonly byte[]? _line;
    private readonly string?[]? _nameKeys;

    private TerminatedHistory(HistoryBucket[] buckets)
    {
        _buckets = buckets;
        foreach (var bucket in buckets)
        {
            Count += bucket.Instances.Length;
        }
    }

    private TerminatedHistory(byte[] line, string?[]? nameKeys, int count)
    {
        _line = line;
        _nameKeys = nameKeys;
        Count = count;
    }

    /// <summary>The buckets as <c>terminatedInstances</c> carries them (built on each call: only renders need them).</summary>
    public IReadOnlyList<Pod.ContainerInstanceList> Wire
    {
        get
        {
            var buckets = Buckets();
            if (buckets.Length == 0)
            {
                return [];
            }

            var wire = new Pod.ContainerInstanceList[buckets.Length];
            for (var i = 0; i < wire.Length; i++)
            {
                wire[i] = new Pod.ContainerInstanceList(buckets[i].Instances);
            }

            return wire;
        }
    }

    /// <summary>Instances held in all buckets.</summary>
    public int Count { get; }

    /// <summary>
    /// The M-19 keys the instances cannot give back, in bucket order, one per instance: the name-and-times key of an
    /// instance without id, null for one keyed by its id; null when every instance has an id.
    /// </summary>
    public IReadOnlyList<string?>? NameKeys
    {
        get
        {
            if (_buckets is null)
            {
                return _nameKeys;
            }

            string?[]? keys = null;
            var at = 0;
            foreach (var bucket in _buckets)
            {
                for (var i = 0; i < bucket.Keys.Length; i++, at++)
                {
                    if (bucket.Keys[i] is { } key)
                    {
                        keys ??= new string?[Count];
                        keys[at] = key;
                    }
                }
            }

            return keys;
        }
    }

    /// <summary>
    /// This history backed by <paramref name="line"/>, which must be a pod line rendered with it (its
    /// <c>terminatedInstances</c> are these buckets), with <paramref name="nameKeys"/> as <see cref="NameKeys"/> gave them.
    /// </summary>
    public static TerminatedHistory FromLine(byte[] line, IReadOnlyList<string?>? nameKeys, int count)
    {
        ArgumentNullException.ThrowIfNull(line);
        return count == 0 ? Empty : new TerminatedHistory(line, nameKeys is null ? null : nameKeys as string?[] ?? [.. nameKeys], count);
    }

    /// <summary>This history with its instances at hand: a backed one reads its line once here.</summary>
    public TerminatedHistory Load() => _buckets is not null ? this : new TerminatedHistory(Buckets());

    /// <summary>True when an instance with this non-empty id is held (pod-model M-18).</summary>
    public bool HoldsInstanceId(string id)
    {
        if (id.Length == 0)
        {
            return false;
        }

        foreach (var bucket in Buckets())
        {
            foreach (var instance in bucket.Instances)
            {
                if (instance.InstanceId?.Id == id)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Records the observations in order; returns this history when nothing new was recorded.</summary>
    /// <param name="observations">Terminated instances in processing order (M-12; M-17 before M-16).</param>
    /// <param name="cap">N, the bucket cap.</param>
    /// <param name="evicted">Instances removed by the cap (a new one that would itself be removed is not counted).</param>
    public TerminatedHistory Merge(IReadOnlyList<TerminatedObservation> observations, int cap, out int evicted)
    {
        evicted = 0;
        if (observations.Count == 0)
        {
            return this;
        }

        var held = Buckets();
        List<HistoryBucket>? buckets = null;
        foreach (var observation in observations)
        {
            var current = (IReadOnlyList<HistoryBucket>?)buckets ?? held;
            if (Holds(current, observation.Key))
            {
                continue;
            }

            var instance = SharePodFields(current, observation.Instance);
            var key = StoredKey(observation.Key, instance);
            var name = instance.ContainerName;
            var index = IndexOf(current, name);
            if (index < 0)
            {
                buckets ??= [.. held];
                buckets.Add(new HistoryBucket(name, [instance], [key]));
                continue;
            }

            if (current[index].TryInsert(instance, key, cap, out var updated, out var removed))
            {
                buckets ??= [.. held];
                buckets[index] = updated;
                evicted += removed;
            }
        }

        return buckets is null ? this : Create(buckets);
    }

    /// <summary>Orders instances oldest first: <c>finished</c>, then <c>started</c> (null first), then id (M-20).</summary>
    public static int CompareAge(ContainerInstance left, ContainerInstance right)
    {
        var c = Nullable.Compare(left.Finished, right.Finished);
        if (c != 0)
        {
            return c;
        }

        c = Nullable.Compare(left.Started, right.Started);
        return c != 0 ? c : string.CompareOrdinal(left.InstanceId?.Id, right.InstanceId?.Id);
    }

    private static TerminatedHistory Create(List<HistoryBucket> buckets) => new([.. buckets]);

    private HistoryBucket[] Buckets() => _buckets ?? ReadBuckets(_line!, _nameKeys);

    /// <summary>The buckets of a rendered line, each instance paired with its key (the id key where none is given).</summary>
    private static HistoryBucket[] ReadBuckets(byte[] line, string?[]? nameKeys)
    {
        var wire = PodJsonReader.ReadLine(line).TerminatedInstances;
        var buckets = new HistoryBucket[wire.Count];
        var at = 0;
        for (var b = 0; b < buckets.Length; b++)
        {
            var instances = wire[b].Instances;
            var keys = new string?[instances.Count];
            for (var i = 0; i < keys.Length; i++, at++)
            {
                keys[i] = nameKeys?[at];
            }

            buckets[b] = new HistoryBucket(instances[0].ContainerName, [.. instances], keys);
        }

        return buckets;
    }

    private static bool Holds(IReadOnlyList<HistoryBucket> buckets, string key)
    {
        var byId = key.StartsWith(TerminatedObservation.IdKeyPrefix, StringComparison.Ordinal);
        foreach (var bucket in buckets)
        {
            for (var i = 0; i < bucket.Keys.Length; i++)
            {
                var held = bucket.Keys[i];
                if (held is null
                    ? byId && key.AsSpan(TerminatedObservation.IdKeyPrefix.Length).SequenceEqual(bucket.Instances[i].InstanceId?.Id)
                    : string.Equals(held, key, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The key as a bucket keeps it: null when it is the instance's own id (<c>id:</c> + id), which the instance
    /// already holds; a 64-character container id need not be kept twice.
    /// </summary>
    private static string? StoredKey(string key, ContainerInstance instance) =>
        key.StartsWith(TerminatedObservation.IdKeyPrefix, StringComparison.Ordinal)
        && instance.InstanceId is { Id.Length: > 0 } id
        && key.AsSpan(TerminatedObservation.IdKeyPrefix.Length).SequenceEqual(id.Id)
            ? null
            : key;

    /// <summary>
    /// The instance holding the pod-wide strings (containing pod id, IPs) of an instance already held when they are
    /// equal: each update brings its own copies, and a pod's instances would otherwise keep one per update.
    /// </summary>
    private static ContainerInstance SharePodFields(IReadOnlyList<HistoryBucket> buckets, ContainerInstance instance)
    {
        if (buckets.Count == 0)
        {
            return instance;
        }

        var held = buckets[0].Instances[0];
        var podId = held.ContainingPodId == instance.ContainingPodId ? held.ContainingPodId : instance.ContainingPodId;
        var ips = held.ContainerIps.SequenceEqual(instance.ContainerIps, StringComparer.Ordinal) ? held.ContainerIps : instance.ContainerIps;
        return ReferenceEquals(podId, instance.ContainingPodId) && ReferenceEquals(ips, instance.ContainerIps)
            ? instance
            : instance with { ContainingPodId = podId, ContainerIps = ips };
    }

    private static int IndexOf(IReadOnlyList<HistoryBucket> buckets, string name)
    {
        for (var i = 0; i < buckets.Count; i++)
        {
            if (buckets[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed class HistoryBucket(string name, ContainerInstance[] instances, string?[] keys)
    {
        public string Name { get; } = name;

        public ContainerInstance[] Instances { get; } = instances;

        /// <summary>M-19 keys, parallel to <see cref="Instances"/>; null where the key is the instance's id.</summary>
        public string?[] Keys { get; } = keys;

        public bool TryInsert(ContainerInstance instance, string? key, int cap, out HistoryBucket updated, out int evicted)
        {
            // Upper bound keeps equal instances in arrival order.
            var position = Instances.Length;
            while (position > 0 && CompareAge(Instances[position - 1], instance) > 0)
            {
                position--;
            }

            if (position == 0 && Instances.Length >= cap)
            {
                // It would be the oldest and so the one removed: not recorded, not counted (M-20).
                updated = this;
                evicted = 0;
                return false;
            }

            var instances = new List<ContainerInstance>(Instances);
            var keys = new List<string?>(Keys);
            instances.Insert(position, instance);
            keys.Insert(position, key);
            evicted = 0;
            while (instances.Count > cap)
            {
                instances.RemoveAt(0);
                keys.RemoveAt(0);
                evicted++;
            }

            updated = new HistoryBucket(Name, [.. instances], [.. keys]);
            return true;
        }
    }
}
