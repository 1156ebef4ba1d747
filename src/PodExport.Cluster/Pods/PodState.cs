using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Cluster.Pods;

/// <summary>Everything the store keeps about one pod: the last observation, its history, its owner and its record.</summary>
public sealed record PodState(
    PodObservation Observation,
    TerminatedHistory History,
    OwnerResolution Owner,
    PodRecord Record)
{
    public string Uid => Observation.Uid;

    public bool Deleted => Record.Attributes.Deleted;

    public DateTimeOffset? DeletedAt => Record.Attributes.DeletedAt;
}
