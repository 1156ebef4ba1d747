using PodExport.Model.Records;

namespace PodExport.Cluster.Store;

/// <summary>
/// The export-ordered list of pod records (namespace, name, id: export-api W-38) behind snapshots. Changes of one
/// store change are staged per pod and applied together at <see cref="Commit"/>; a published array is never
/// written again, so a snapshot is a consistent point-in-time view. Not thread-safe: used under the store's lock.
/// </summary>
internal sealed class OrderedPodIndex
{
    // Beyond this many staged changes a merge pass is cheaper than moving the list once per change.
    private const int BulkThreshold = 64;

    private static readonly IComparer<PodRecord> Order = Comparer<PodRecord>.Create(PodRecord.CompareExportOrder);

    // A list stages every pod at once; a dictionary keeps its capacity when cleared, so a large one is dropped instead.
    private const int KeepStagedCapacity = 1024;

    private Dictionary<string, (PodRecord? Before, PodRecord? After)> _staged = new(StringComparer.Ordinal);
    private List<PodRecord> _ordered = [];
    private PodRecord[] _published = [];
    private bool _dirty;

    public int Count => _ordered.Count;

    /// <summary>Stages a change of one pod: added (before null), replaced, or removed (after null).</summary>
    public void Stage(string uid, PodRecord? before, PodRecord? after)
    {
        if (ReferenceEquals(before, after))
        {
            return;
        }

        _staged[uid] = _staged.TryGetValue(uid, out var staged) ? (staged.Before, after) : (before, after);
    }

    /// <summary>Applies the staged changes as one; returns true when the order list changed.</summary>
    public bool Commit()
    {
        if (_staged.Count == 0)
        {
            return false;
        }

        if (_staged.Count <= BulkThreshold)
        {
            foreach (var (before, after) in _staged.Values)
            {
                ApplyOne(before, after);
            }
        }
        else
        {
            ApplyBulk();
        }

        if (_staged.Count > KeepStagedCapacity)
        {
            _staged = new Dictionary<string, (PodRecord? Before, PodRecord? After)>(StringComparer.Ordinal);
        }
        else
        {
            _staged.Clear();
        }

        _dirty = true;
        return true;
    }

    /// <summary>The committed records in export order, as an array nobody writes again.</summary>
    public PodRecord[] Publish()
    {
        if (_dirty)
        {
            _published = [.. _ordered];
            _dirty = false;
        }

        return _published;
    }

    private void ApplyOne(PodRecord? before, PodRecord? after)
    {
        if (ReferenceEquals(before, after))
        {
            return;
        }

        if (before is not null)
        {
            var at = _ordered.BinarySearch(before, Order);
            if (at < 0)
            {
                throw new InvalidOperationException($"Pod {before.Id} is missing from the order index.");
            }

            if (after is not null && PodRecord.CompareExportOrder(before, after) == 0)
            {
                _ordered[at] = after;
                return;
            }

            _ordered.RemoveAt(at);
        }

        if (after is not null)
        {
            var at = _ordered.BinarySearch(after, Order);
            _ordered.Insert(at < 0 ? ~at : at, after);
        }
    }

    private void ApplyBulk()
    {
        var removed = new HashSet<PodRecord>(ReferenceEqualityComparer.Instance);
        var added = new List<PodRecord>();
        foreach (var (before, after) in _staged.Values)
        {
            if (ReferenceEquals(before, after))
            {
                continue;
            }

            if (before is not null)
            {
                removed.Add(before);
            }

            if (after is not null)
            {
                added.Add(after);
            }
        }

        added.Sort(Order);
        var merged = new List<PodRecord>(_ordered.Count - removed.Count + added.Count);
        var next = 0;
        foreach (var record in _ordered)
        {
            if (removed.Contains(record))
            {
                continue;
            }

            while (next < added.Count && PodRecord.CompareExportOrder(added[next], record) < 0)
            {
                merged.Add(added[next++]);
            }

            merged.Add(record);
        }

        while (next < added.Count)
        {
            merged.Add(added[next++]);
        }

        _ordered = merged;
    }
}
