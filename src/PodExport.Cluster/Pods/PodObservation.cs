using PodExport.Cluster.Workloads;
using PodExport.Model.Wire;

namespace PodExport.Cluster.Pods;

/// <summary>
/// One pod update converted (pod-model §3, §5, §6), before it meets the pod's history and owner: live instances in
/// M-12 order (not yet sorted, M-18 not yet applied) and the terminated instances in processing order. A pod's state
/// keeps it without the instances (they are in the rendered line and the history).
/// </summary>
public sealed record PodObservation(
    string Id,
    PodOwnerInput Owner,
    string Node,
    Timestamp? Started,
    IReadOnlyList<ContainerInstance> LiveInstances,
    IReadOnlyList<string> LiveImages,
    IReadOnlyList<TerminatedObservation> Terminated,
    int RestartCount)
{
    public string Uid => Owner.Uid;

    public string Name => Owner.Name;

    public string Namespace => Owner.Namespace;
}
