using System.Runtime.InteropServices;
using PodExport.Model.Records;
using PodExport.Model.Wire;
using PodExport.Query.Compilation;
using PodExport.Query.Syntax;

namespace PodExport.Query;

/// <summary>
/// A compiled query. Immutable and thread-safe, so one instance serves every export with the same text; relative
/// dates are fixed per export by <see cref="Bind"/> (export-api W-39).
/// </summary>
public sealed class PodQuery
{
    /// <summary>How many pods ahead <see cref="Filter(IReadOnlyList{PodRecord}, DateTimeOffset)"/> prefetches.</summary>
    private const int PrefetchDistance = 8;

    private static readonly Func<PodRecord, bool> MatchAllPredicate = static _ => true;

    private readonly PodPredicate _predicate;
    private readonly bool _timeDependent;
    private readonly PodObjects _reads;
    private readonly Func<PodRecord, bool> _unbound;

    internal PodQuery(string text, QuerySyntax syntax, PodPredicate predicate, bool timeDependent, PodObjects reads)
    {
        Text = text;
        Syntax = syntax;
        _predicate = predicate;
        _timeDependent = timeDependent;
        _reads = reads;
        MatchesAll = syntax.Pairs.Count == 0;
        _unbound = MatchesAll ? MatchAllPredicate : predicate.Matches;
    }

    /// <summary>The query text as received.</summary>
    public string Text { get; }

    /// <summary>The parsed query.</summary>
    public QuerySyntax Syntax { get; }

    /// <summary>True for the empty query: every visible pod matches, so callers may skip filtering.</summary>
    public bool MatchesAll { get; }

    /// <summary>True when the query has relative dates, i.e. its result depends on the view time.</summary>
    public bool DependsOnViewTime => _timeDependent;

    /// <summary>The filter for one export, with relative dates resolved against its view time.</summary>
    public Func<PodRecord, bool> Bind(DateTimeOffset viewTime) =>
        _timeDependent ? _predicate.Bind(Timestamp.FromDateTimeOffset(viewTime)).Matches : _unbound;

    /// <summary>The pods of a snapshot that match, in snapshot order, evaluated at its view time.</summary>
    public IEnumerable<PodRecord> Filter(PodSnapshot snapshot) => Filter(snapshot.Pods, snapshot.ViewTime);

    /// <summary>
    /// The pods that match, lazily and in order. Faster than calling <see cref="Bind"/>'s filter per pod on a
    /// large list: it prefetches the records a few places ahead.
    /// </summary>
    public IEnumerable<PodRecord> Filter(IReadOnlyList<PodRecord> pods, DateTimeOffset viewTime)
    {
        ArgumentNullException.ThrowIfNull(pods);
        return MatchesAll ? pods : FilterCore(pods, Bind(viewTime));
    }

    public override string ToString() => Text;

    private IEnumerable<PodRecord> FilterCore(IReadOnlyList<PodRecord> pods, Func<PodRecord, bool> matches)
    {
        var count = pods.Count;
        for (var i = 0; i < count; i++)
        {
            PrefetchAhead(pods, i, count);
            var pod = pods[i];
            if (matches(pod))
            {
                yield return pod;
            }
        }
    }

    /// <summary>
    /// A three-stage pipeline: record <c>i + 3d</c>; then the objects it points to for record <c>i + 2d</c>
    /// (fetched d steps ago); then the strings and maps those point to for record <c>i + d</c>.
    /// </summary>
    private void PrefetchAhead(IReadOnlyList<PodRecord> pods, int i, int count)
    {
        var reads = _reads;
        if (i + (3 * PrefetchDistance) < count)
        {
            Prefetch.Object(Item(pods, i + (3 * PrefetchDistance)));
        }

        if (i + (2 * PrefetchDistance) < count)
        {
            var record = Item(pods, i + (2 * PrefetchDistance));
            if ((reads & PodObjects.Attributes) != 0)
            {
                Prefetch.Object(record.Attributes);
            }

            if ((reads & (PodObjects.ContainerNames | PodObjects.LiveImageDigests | PodObjects.ExitCodes | PodObjects.TerminationReasons)) != 0)
            {
                PrefetchLists(record, reads);
            }
        }

        if (i + PrefetchDistance < count && (reads & (PodObjects.Name | PodObjects.Namespace | PodObjects.Labels | PodObjects.OwnerLabels)) != 0)
        {
            var record = Item(pods, i + PrefetchDistance);
            if ((reads & PodObjects.Namespace) != 0)
            {
                Prefetch.Object(record.Namespace);
            }

            if ((reads & PodObjects.Name) != 0)
            {
                Prefetch.Object(record.Name);
            }

            if ((reads & PodObjects.Labels) != 0)
            {
                Prefetch.Object(record.Attributes.Labels);
            }

            if ((reads & PodObjects.OwnerLabels) != 0)
            {
                Prefetch.Object(record.Attributes.OwnerLabels);
            }
        }
    }

    private static void PrefetchLists(PodRecord record, PodObjects reads)
    {
        if ((reads & PodObjects.ContainerNames) != 0)
        {
            Prefetch.Object(record.ContainerNames);
        }

        if ((reads & PodObjects.LiveImageDigests) != 0)
        {
            Prefetch.Object(record.LiveImageDigests);
        }

        if ((reads & PodObjects.ExitCodes) != 0)
        {
            Prefetch.Object(record.ExitCodes);
        }

        if ((reads & PodObjects.TerminationReasons) != 0)
        {
            Prefetch.Object(record.TerminationReasons);
        }
    }

    private static PodRecord Item(IReadOnlyList<PodRecord> pods, int index) => pods switch
    {
        PodRecord[] array => array[index],
        List<PodRecord> list => CollectionsMarshal.AsSpan(list)[index],
        _ => pods[index],
    };
}
