namespace PodExport.Simulator.State;

/// <summary>The type of a recorded change, as a watch event sends it.</summary>
public enum ChangeType
{
    Added,
    Modified,
    Deleted,
}
