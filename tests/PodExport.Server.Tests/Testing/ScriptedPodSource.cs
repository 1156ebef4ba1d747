using PodExport.Model.Records;

namespace PodExport.Server.Tests.Testing;

/// <summary>A pod source that hands out a snapshot the test built, e.g. over an <see cref="ObservedPodList"/>.</summary>
internal sealed class ScriptedPodSource(TimeProvider timeProvider, IReadOnlyList<PodRecord> pods) : IPodSnapshotSource
{
    public bool IsSynced => true;

    public int Snapshots { get; private set; }

    public PodSnapshot TakeSnapshot()
    {
        Snapshots++;
        return new PodSnapshot(timeProvider.GetUtcNow(), pods);
    }
}
