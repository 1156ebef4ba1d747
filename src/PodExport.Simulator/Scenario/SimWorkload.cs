using k8s.Models;

namespace PodExport.Simulator.Scenario;

/// <summary>The engine's view of a workload object (Deployment, ReplicaSet, StatefulSet, DaemonSet, RC, Job, CronJob).</summary>
internal sealed class SimWorkload
{
    public required string Kind { get; init; }

    public required string ApiVersion { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    public required string Uid { get; init; }

    public required DateTime Created { get; init; }

    /// <summary>Object labels; never mutated.</summary>
    public required Dictionary<string, string> Labels { get; init; }

    /// <summary>Selector labels (a subset of the template labels).</summary>
    public required Dictionary<string, string> Selector { get; init; }

    /// <summary>ReplicaSet → Deployment, Job → CronJob.</summary>
    public SimWorkload? Parent { get; init; }

    public PodTemplate Template { get; set; } = null!;

    /// <summary>ReplicaSets: <c>pod-template-hash</c>; StatefulSets: the current revision.</summary>
    public string? TemplateHash { get; set; }

    public int Replicas { get; set; }

    public int Revision { get; set; } = 1;

    public long Generation { get; set; } = 1;

    public bool RollingOut { get; set; }

    /// <summary>Live pods owned directly (not for Deployments and CronJobs).</summary>
    public List<SimPod> Pods { get; } = [];

    /// <summary>Deployment → its ReplicaSets; CronJob → its Jobs, oldest first.</summary>
    public List<SimWorkload> Children { get; } = [];

    /// <summary>Jobs: <c>Complete</c> or <c>Failed</c> once done.</summary>
    public string? JobOutcome { get; set; }

    public DateTime? JobCompletion { get; set; }

    /// <summary>CronJobs: the time of the last run and of the last successful run.</summary>
    public DateTime? LastSchedule { get; set; }

    public DateTime? LastSuccess { get; set; }

    public bool Deleted { get; set; }

    public V1OwnerReference ToOwnerReference() => new()
    {
        ApiVersion = ApiVersion,
        Kind = Kind,
        Name = Name,
        Uid = Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };
}
