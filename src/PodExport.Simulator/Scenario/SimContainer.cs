using k8s.Models;

namespace PodExport.Simulator.Scenario;

/// <summary>What a container keeps doing wrong.</summary>
internal enum ContainerFault
{
    None,
    CrashLoop,
    OomKill,
}

/// <summary>Which of the three states a container is in.</summary>
internal enum ContainerPhase
{
    Waiting,
    Running,
    Terminated,
}

/// <summary>The engine's view of one container (or init container) of a pod.</summary>
internal sealed class SimContainer(ContainerSpec spec)
{
    public ContainerSpec Spec { get; } = spec;

    public ContainerPhase Phase { get; set; } = ContainerPhase.Waiting;

    public string WaitingReason { get; set; } = "ContainerCreating";

    public string? WaitingMessage { get; set; }

    public string? ContainerId { get; set; }

    public DateTime? StartedAt { get; set; }

    /// <summary>Current <c>state.terminated</c> (when <see cref="Phase"/> is Terminated). Never mutated once set.</summary>
    public V1ContainerStateTerminated? Terminated { get; set; }

    /// <summary><c>lastState.terminated</c>. Never mutated once set.</summary>
    public V1ContainerStateTerminated? LastTerminated { get; set; }

    /// <summary>A termination not yet shown in any write; it joins the ground truth with the next write of the pod.</summary>
    public TerminatedContainer? Unpublished { get; set; }

    public int RestartCount { get; set; }

    public ContainerFault Fault { get; set; }

    /// <summary>True when the next restart shows only in <c>lastState</c> (one MODIFIED).</summary>
    public bool FastRestart { get; set; }

    /// <summary>Current back-off: 10 s, doubling to 300 s.</summary>
    public int BackoffSeconds { get; set; } = 10;

    /// <summary>Bumped on every restart so that a stale scheduled crash is ignored.</summary>
    public int Generation { get; set; }

    public bool Ready => Phase == ContainerPhase.Running;
}
