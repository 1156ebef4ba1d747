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
    private readonly Func<PodRecord, bool> _unbound;

    internal PodQuery(string text, QuerySyntax syntax, PodPredicate predicate, bool timeDependent)
    {
        Text = text;
        Syntax = syntax;
        _predicate = predicate;
        _timeDependent = timeDependent;
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

    public override string ToString() => Text;
}
