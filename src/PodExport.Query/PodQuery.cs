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
    private static readonly Func<PodRecord, bool> MatchAllPredicate = static _ => true;

    private readonly PodPredicate _predicate;
    private readonly bool _timeDependent;
    private readonly PodObjects _reads;
    private readonly Func<PodRecord, bool> _unbound;
    private readonly PodPredicate _namespacePart;
    private readonly PodPredicate _podPart;
    private readonly PodObjects _podReads;
    private readonly PodFilter _unboundFilter;

    internal PodQuery(string text, QuerySyntax syntax, PodPredicate predicate, bool timeDependent, PodObjects reads)
    {
        Text = text;
        Syntax = syntax;
        _predicate = predicate;
        _timeDependent = timeDependent;
        _reads = reads;
        MatchesAll = syntax.Pairs.Count == 0;
        _unbound = MatchesAll ? MatchAllPredicate : predicate.Matches;

        var namespacePairs = new List<PairSyntax>();
        var podPairs = new List<PairSyntax>();
        foreach (var pair in syntax.Pairs)
        {
            (PredicateCompiler.IsNamespaceConstant(pair.Label.Field) ? namespacePairs : podPairs).Add(pair);
        }

        _namespacePart = PredicateCompiler.Compile(namespacePairs, out _, out _);
        _podPart = PredicateCompiler.Compile(podPairs, out _, out _podReads);
        _unboundFilter = MatchesAll ? PodFilter.All : new PodFilter(_namespacePart, _podPart, _podReads);
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

    /// <summary>
    /// The filter for one export split by namespace (<see cref="PodFilter"/>), with relative dates resolved against
    /// its view time.
    /// </summary>
    public PodFilter BindFilter(DateTimeOffset viewTime)
    {
        if (!_timeDependent)
        {
            return _unboundFilter;
        }

        var now = Timestamp.FromDateTimeOffset(viewTime);
        return new PodFilter(_namespacePart.Bind(now), _podPart.Bind(now), _podReads);
    }

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
            PrefetchAhead(pods, i);
            var pod = pods[i];
            if (matches(pod))
            {
                yield return pod;
            }
        }
    }

    /// <summary>
    /// <see cref="RecordPrefetch.Ahead"/> over the list's storage when it has one (an array or a list); other lists
    /// are read without prefetching, which is only a hint.
    /// </summary>
    private void PrefetchAhead(IReadOnlyList<PodRecord> pods, int i)
    {
        ReadOnlySpan<PodRecord> storage = pods switch
        {
            PodRecord[] array => array,
            List<PodRecord> list => CollectionsMarshal.AsSpan(list),
            _ => default,
        };
        RecordPrefetch.Ahead(storage, i, _reads);
    }
}
