using PodExport.Model.Wire;

namespace PodExport.Cluster.Pods;

/// <summary>
/// A pod's recorded terminated instances: one bucket per container name in creation order, each ordered oldest
/// first and capped (pod-model M-19, M-20). Immutable: a merge that records something returns a new history and
/// leaves the old one (possibly in a published record) untouched.
/// </summary>
public sealed class TerminatedHistory
{
    public static readonly TerminatedHistory Empty = new([], []);

    private readonly HistoryBucket[] _buckets;

    private TerminatedHistory(HistoryBucket[] buckets, IReadOnlyList<Pod.ContainerInstanceList> wire)
    {
        _buckets = buckets;
        Wire = wire;
        foreach (var bucket in buckets)
        {
            Count += bucket.Instances.Length;
        }
    }

    /// <summary>The buckets as <c>terminatedInstances</c> carries them.</summary>
    public IReadOnlyList<Pod.ContainerInstanceList> Wire { get; }

    /// <summary>Instances held in all buckets.</summary>
    public int Count { get; }

    /// <summary>True when an instance with this non-empty id is held (pod-model M-18).</summary>
    public bool HoldsInstanceId(string id)
    {
        if (id.Length == 0)
        {
            return false;
        }

        foreach (var bucket in _buckets)
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
        List<HistoryBucket>? buckets = null;
        foreach (var observation in observations)
        {
            var current = (IReadOnlyList<HistoryBucket>?)buckets ?? _buckets;
            if (Holds(current, observation.Key))
            {
                continue;
            }

            var name = observation.Instance.ContainerName;
            var index = IndexOf(current, name);
            if (index < 0)
            {
                buckets ??= [.. _buckets];
                buckets.Add(new HistoryBucket(name, [observation.Instance], [observation.Key]));
                continue;
            }

            if (current[index].TryInsert(observation, cap, out var updated, out var removed))
            {
                buckets ??= [.. _buckets];
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

    private static TerminatedHistory Create(List<HistoryBucket> buckets)
    {
        var wire = new Pod.ContainerInstanceList[buckets.Count];
        for (var i = 0; i < buckets.Count; i++)
        {
            wire[i] = buckets[i].Wire;
        }

        return new TerminatedHistory([.. buckets], wire);
    }

    private static bool Holds(IReadOnlyList<HistoryBucket> buckets, string key)
    {
        foreach (var bucket in buckets)
        {
            if (Array.IndexOf(bucket.Keys, key) >= 0)
            {
                return true;
            }
        }

        return false;
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

    private sealed class HistoryBucket
    {
        public HistoryBucket(string name, ContainerInstance[] instances, string[] keys)
        {
            Name = name;
            Instances = instances;
            Keys = keys;
            Wire = new Pod.ContainerInstanceList(instances);
        }

        public string Name { get; }

        public ContainerInstance[] Instances { get; }

        public string[] Keys { get; }

        public Pod.ContainerInstanceList Wire { get; }

        public bool TryInsert(TerminatedObservation observation, int cap, out HistoryBucket updated, out int evicted)
        {
            // Upper bound keeps equal instances in arrival order.
            var position = Instances.Length;
            while (position > 0 && CompareAge(Instances[position - 1], observation.Instance) > 0)
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
            var keys = new List<string>(Keys);
            instances.Insert(position, observation.Instance);
            keys.Insert(position, observation.Key);
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
