namespace PodExport.Simulator.Scenario;

/// <summary>The engine's view of one node.</summary>
internal sealed class SimNode(string name, int index, bool controlPlane, string runtime, string runtimeVersion)
{
    public string Name { get; } = name;

    /// <summary>Position among all nodes; picks the node's pod address ranges.</summary>
    public int Index { get; } = index;

    public bool ControlPlane { get; } = controlPlane;

    /// <summary>Container ID prefix: <c>containerd</c>, <c>cri-o</c> or <c>docker</c>.</summary>
    public string Runtime { get; } = runtime;

    public string RuntimeVersion { get; } = runtimeVersion;

    public required string Uid { get; init; }

    public required DateTime Created { get; init; }

    public string InternalIp => $"10.0.{Index / 250}.{(Index % 250) + 2}";

    public bool Unschedulable { get; set; }

    /// <summary>Next host number in the node's pod range; wraps, as IPAM reuses freed addresses.</summary>
    public int NextHost { get; set; }

    /// <summary>Live pods bound to the node (drains walk them).</summary>
    public HashSet<SimPod> Pods { get; } = [];
}
