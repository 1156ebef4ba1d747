using System.Diagnostics.CodeAnalysis;

namespace PodExport.Model.Wire;

/// <summary>StackRox <c>storage.Pod</c>; properties are in proto declaration order (export-api §4.2).</summary>
public sealed record Pod
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string DeploymentId { get; init; } = "";

    public string Namespace { get; init; } = "";

    public string ClusterId { get; init; } = "";

    public IReadOnlyList<ContainerInstance> LiveInstances { get; init; } = [];

    /// <summary>One bucket per container name, in creation order (pod-model M-20).</summary>
    public IReadOnlyList<ContainerInstanceList> TerminatedInstances { get; init; } = [];

    public Timestamp? Started { get; init; }

    /// <summary>StackRox <c>storage.Pod.ContainerInstanceList</c>: the terminated instances of one container name.</summary>
    [SuppressMessage("Design", "CA1034:Nested types should not be visible", Justification = "Mirrors the proto's nested message Pod.ContainerInstanceList.")]
    public sealed record ContainerInstanceList(IReadOnlyList<ContainerInstance> Instances);
}
