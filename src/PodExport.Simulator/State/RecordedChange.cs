namespace PodExport.Simulator.State;

/// <summary>A change as the history records it, for ground-truth checks.</summary>
public sealed record RecordedChange(ChangeType Type, long ResourceVersion, string Kind, string? Namespace, string Name, string Uid);
