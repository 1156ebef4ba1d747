using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Scenario;

/// <summary>A workload's pod template: labels and containers; a rollout makes a new one.</summary>
internal sealed record PodTemplate(
    Dictionary<string, string> Labels,
    IReadOnlyList<ContainerSpec> Containers,
    ContainerSpec? InitContainer,
    string RestartPolicy)
{
    /// <summary>Everything else the template says (ports, env, probes, volumes, …); one per container, in order.</summary>
    public PodProfile Profile { get; init; } = PodProfile.Bare;
}
