using PodExport.Model.Records;

namespace PodExport.Server.Source;

/// <summary>
/// A pod source held in memory: what the server serves until the pod store of the informer issue replaces it,
/// and what tests seed. Each <see cref="Set"/> swaps in a new immutable, ordered list, so a snapshot is a reference
/// copy and an export never sees a later change (export-api W-37).
/// </summary>
public sealed class InMemoryPodSource(TimeProvider timeProvider) : IPodSnapshotSource, IClusterHealth
{
    private volatile PodRecord[] _pods = [];
    private volatile string[] _degradedKinds = [];
    private volatile bool _synced;

    public bool IsSynced => _synced;

    public IReadOnlyList<string> DegradedKinds => _degradedKinds;

    /// <summary>Replaces every pod; the order of <paramref name="records"/> does not matter.</summary>
    public void Set(IEnumerable<PodRecord> records)
    {
        var sorted = records.ToArray();
        Array.Sort(sorted, PodRecord.CompareExportOrder);
        _pods = sorted;
    }

    /// <summary>Says the first complete list has been applied (pod-model M-2); exports are refused before.</summary>
    public void MarkSynced() => _synced = true;

    /// <summary>The kinds to report as degraded (service.md S-13); empty when healthy.</summary>
    public void SetDegraded(IEnumerable<string> kinds) => _degradedKinds = kinds.ToArray();

    public PodSnapshot TakeSnapshot() => new(timeProvider.GetUtcNow(), _pods);
}
