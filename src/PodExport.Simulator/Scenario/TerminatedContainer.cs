namespace PodExport.Simulator.Scenario;

/// <summary>
/// Ground truth: one container instance the scenario ended, exactly as the engine wrote it into a pod's
/// <c>state.terminated</c> or <c>lastState.terminated</c> (or, for init containers, <c>initContainerStatuses</c>).
/// </summary>
/// <param name="PodUid">The pod's <c>metadata.uid</c>.</param>
/// <param name="PodNamespace">The pod's namespace.</param>
/// <param name="PodName">The pod's name.</param>
/// <param name="ContainerName">The container's name.</param>
/// <param name="IsInitContainer">True for an init container.</param>
/// <param name="ContainerId">The full container ID with its runtime prefix, e.g. <c>containerd://…</c>.</param>
/// <param name="StartedAt">When the instance started.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="ExitCode">Its exit code (0, 1, 137, 143).</param>
/// <param name="Reason"><c>Completed</c>, <c>Error</c> or <c>OOMKilled</c>.</param>
public sealed record TerminatedContainer(
    string PodUid,
    string PodNamespace,
    string PodName,
    string ContainerName,
    bool IsInitContainer,
    string ContainerId,
    DateTime StartedAt,
    DateTime FinishedAt,
    int ExitCode,
    string Reason);
