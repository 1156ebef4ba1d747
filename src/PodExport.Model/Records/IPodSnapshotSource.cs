namespace PodExport.Model.Records;

/// <summary>Where the export reads pods from: the pod store, or an in-memory source in tests.</summary>
public interface IPodSnapshotSource
{
    /// <summary>True once the first complete list of pods and owners has been applied (pod-model M-2).</summary>
    bool IsSynced { get; }

    /// <summary>Takes a consistent, ordered view; cheap enough to call once per export.</summary>
    PodSnapshot TakeSnapshot();
}
