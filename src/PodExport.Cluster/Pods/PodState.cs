using k8s.Models;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Cluster.Pods;

/// <summary>
/// Everything the store keeps about one pod: its record (the rendered line, and the pod's identity, labels and query
/// facts), its terminated history, its owner resolution, and the owner reference that resolution follows. The last
/// observation is not kept as such: what later updates need of it is in the record (<see cref="Observation"/>). Nor
/// are the history's instances: the record's line carries them (<see cref="History"/>).
/// </summary>
public sealed record PodState
{
    private readonly IReadOnlyList<string?>? _historyKeys;
    private readonly int _heldInstances;

    public PodState(PodObservation observation, TerminatedHistory history, OwnerResolution owner, PodRecord record)
    {
        ArgumentNullException.ThrowIfNull(observation);
        OwnerReferences = observation.Owner.OwnerReferences;
        History = history;
        Owner = owner;
        Record = record;
    }

    /// <summary>The owner references of the last update that resolution reads (the converter keeps only the followed one).</summary>
    public IReadOnlyList<V1OwnerReference> OwnerReferences { get; init; }

    /// <summary>
    /// The terminated history, backed by the record's line (set it together with a record rendered from it); read
    /// it once per operation (<see cref="TerminatedHistory.Load"/>) when its instances are needed.
    /// </summary>
    public TerminatedHistory History
    {
        get => TerminatedHistory.FromLine(Record.Line, _historyKeys, _heldInstances);
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _historyKeys = value.NameKeys;
            _heldInstances = value.Count;
        }
    }

    /// <summary>Terminated instances in the history (<see cref="TerminatedHistory.Count"/> without building it).</summary>
    public int HeldInstances => _heldInstances;

    public OwnerResolution Owner { get; init; }

    public PodRecord Record { get; init; }

    /// <summary>
    /// The last observation as later updates need it (identity, owner input, node, start, restarts; no instances: they
    /// are in the line and the history), rebuilt from the record on each read.
    /// </summary>
    public PodObservation Observation =>
        new(Record.Id, OwnerInput, Record.Attributes.Node, Record.Started, [], [], [], Record.Attributes.RestartCount);

    /// <summary>What owner resolution reads of this pod (M-8 to M-10), rebuilt on each read.</summary>
    public PodOwnerInput OwnerInput => new(Uid, Record.Name, Record.Namespace, Record.Attributes.Labels, OwnerReferences);

    public string Uid => Record.Attributes.PodUid;

    public bool Deleted => Record.Attributes.Deleted;

    public DateTimeOffset? DeletedAt => Record.Attributes.DeletedAt;
}
