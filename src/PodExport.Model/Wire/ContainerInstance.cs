namespace PodExport.Model.Wire;

/// <summary>StackRox <c>storage.ContainerInstance</c>; properties are in proto declaration order.</summary>
public sealed record ContainerInstance
{
    /// <summary>Null only when unset; the pipeline always sets it.</summary>
    public ContainerInstanceId? InstanceId { get; init; }

    public string ContainingPodId { get; init; } = "";

    public string ContainerName { get; init; } = "";

    public IReadOnlyList<string> ContainerIps { get; init; } = [];

    public Timestamp? Started { get; init; }

    public string ImageDigest { get; init; } = "";

    public Timestamp? Finished { get; init; }

    public int ExitCode { get; init; }

    public string TerminationReason { get; init; } = "";
}
