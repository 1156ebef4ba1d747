namespace PodExport.Simulator.State;

/// <summary>Ground-truth counts: per kind, per kind and namespace, and pods per phase.</summary>
public sealed record ObjectCounts(
    IReadOnlyDictionary<string, int> ByKind,
    IReadOnlyDictionary<(string Kind, string Namespace), int> ByKindAndNamespace,
    IReadOnlyDictionary<string, int> PodsByPhase)
{
    /// <summary>How many objects of <paramref name="kind"/> exist (0 when none).</summary>
    public int Of(string kind) => ByKind.TryGetValue(kind, out var n) ? n : 0;
}
