using k8s.Models;

namespace PodExport.Simulator.Scenario;

/// <summary>The engine's view of one pod; <see cref="PodBuilder"/> turns it into a fresh <see cref="V1Pod"/>.</summary>
internal sealed class SimPod
{
    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required DateTime Created { get; init; }

    public required PodTemplate Template { get; init; }

    /// <summary>Pod labels (template labels plus per-pod ones). Shared by every version written; never mutated.</summary>
    public required Dictionary<string, string> Labels { get; init; }

    /// <summary>Replaced, never mutated: earlier versions handed to the writer may still reference it.</summary>
    public Dictionary<string, string>? Annotations { get; set; }

    /// <summary>The controlling workload; null for standalone and static pods.</summary>
    public SimWorkload? Owner { get; init; }

    public V1OwnerReference? OwnerReference { get; init; }

    /// <summary>Set for kube-system static (mirror) pods: the <c>component</c> label value.</summary>
    public string? StaticComponent { get; init; }

    public bool HostNetwork { get; init; }

    public bool DualStack { get; init; }

    /// <summary>The node the pod runs on, or is meant for (DaemonSet and static pods) before it is bound.</summary>
    public SimNode? Node { get; set; }

    /// <summary>True once the scheduler's binding is visible (<c>spec.nodeName</c>).</summary>
    public bool Bound { get; set; }

    public string? Ipv4 { get; set; }

    public string? Ipv6 { get; set; }

    public string Phase { get; set; } = "Pending";

    public DateTime? StartTime { get; set; }

    public required SimContainer[] Containers { get; init; }

    public SimContainer? InitContainer { get; init; }

    /// <summary>Run-to-completion pods (Jobs, some standalone pods): the exit code the main container ends with.</summary>
    public int? CompletionExitCode { get; init; }

    public DateTime? DeletionTimestamp { get; set; }

    /// <summary>The name of the <c>kube-api-access-*</c> volume the ServiceAccount admission plugin gave the pod, if any.</summary>
    public string? TokenVolume { get; init; }

    /// <summary>When the scenario last annotated the pod (the <c>kubectl annotate</c> managed-fields entry).</summary>
    public DateTime? TouchedAt { get; set; }

    /// <summary>True once the pod is being deleted or is gone; scheduled actions then leave it alone.</summary>
    public bool Finished => DeletionTimestamp is not null;

    /// <summary>Position in the engine's list of live pods, or -1.</summary>
    public int LiveIndex { get; set; } = -1;

    public bool IsTerminal => Phase is "Succeeded" or "Failed";
}
