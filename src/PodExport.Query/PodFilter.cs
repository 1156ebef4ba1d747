using PodExport.Model.Records;
using PodExport.Query.Compilation;

namespace PodExport.Query;

/// <summary>
/// A query bound to one export's view time (W-39) and split for a walk of a snapshot ordered by namespace (W-38):
/// the pairs on fields every pod of a namespace shares (<c>Namespace</c>, <c>Cluster</c>, <c>Cluster ID</c>) are
/// decided once per namespace by <see cref="NamespaceCanMatch"/>; the other pairs are checked per pod by
/// <see cref="MatchesWithinNamespace"/> or <see cref="IndexOfMatch"/>. Pairs are ANDed, so a
/// pod matches the query exactly when both parts match. Immutable and thread-safe.
/// </summary>
public sealed class PodFilter
{
    private readonly PodPredicate _namespacePart;
    private readonly PodPredicate _podPart;
    private readonly PodObjects _podReads;

    internal PodFilter(PodPredicate namespacePart, PodPredicate podPart, PodObjects podReads)
    {
        // A per-pod part that can never match rules out every namespace.
        _namespacePart = podPart is ConstantPredicate { Value: false } ? ConstantPredicate.False : namespacePart;
        _podPart = podPart;
        _podReads = podReads;
        ChecksEachPod = podPart is not ConstantPredicate;
        MatchesAll = _namespacePart is ConstantPredicate { Value: true } && podPart is ConstantPredicate { Value: true };
    }

    /// <summary>The filter of the empty query: every pod matches.</summary>
    public static PodFilter All { get; } = new(ConstantPredicate.True, ConstantPredicate.True, PodObjects.None);

    /// <summary>True when every pod matches, so a caller may skip both checks.</summary>
    public bool MatchesAll { get; }

    /// <summary>
    /// False when the query has no pair on a per-pod field (or those pairs are constant): then a namespace for which
    /// <see cref="NamespaceCanMatch"/> is true matches in full, or else not at all.
    /// </summary>
    public bool ChecksEachPod { get; }

    /// <summary>
    /// Whether any pod of <paramref name="pod"/>'s namespace can match: the pairs on namespace-constant fields,
    /// evaluated on one pod of that namespace. False also when the per-pod pairs can never match.
    /// </summary>
    public bool NamespaceCanMatch(PodRecord pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return _namespacePart.Matches(pod);
    }

    /// <summary>The per-pod pairs; valid only for a pod whose namespace passed <see cref="NamespaceCanMatch"/>.</summary>
    public bool MatchesWithinNamespace(PodRecord pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return _podPart.Matches(pod);
    }

    /// <summary>The whole query on one pod.</summary>
    public bool Matches(PodRecord pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return _namespacePart.Matches(pod) && _podPart.Matches(pod);
    }

    /// <summary>
    /// The index of the first pod in <c>[start, stop)</c> that passes <see cref="MatchesWithinNamespace"/>, or
    /// <paramref name="stop"/> when none does. Pass the pods of namespaces that passed
    /// <see cref="NamespaceCanMatch"/>. Prefetches what the per-pod pairs read a few pods ahead, up to the end of
    /// <paramref name="pods"/> (so a scan in slices runs as fast as one in a single call): filtering a large snapshot
    /// is bound by memory latency.
    /// </summary>
    public int IndexOfMatch(ReadOnlySpan<PodRecord> pods, int start, int stop)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stop, pods.Length);
        if (start >= stop)
        {
            return stop;
        }

        if (!ChecksEachPod)
        {
            return _podPart is ConstantPredicate { Value: true } ? start : stop;
        }

        var podPart = _podPart;
        var reads = _podReads;
        for (var i = start; i < stop; i++)
        {
            RecordPrefetch.Ahead(pods, i, reads);
            if (podPart.Matches(pods[i]))
            {
                return i;
            }
        }

        return stop;
    }
}
