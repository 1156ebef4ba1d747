using PodExport.Model.Records;

namespace PodExport.Query.Compilation;

/// <summary>The hot path of the common query: a plain prefix on a scalar string field, without a matcher call.</summary>
internal sealed class StringPrefixPredicate<TField>(string prefix, bool negated) : PodPredicate
    where TField : struct, IStringField
{
    private readonly string _prefix = prefix;
    private readonly bool _negated = negated;

    public override bool Matches(PodRecord pod) =>
        TField.Get(pod).StartsWith(_prefix, StringComparison.OrdinalIgnoreCase) != _negated;
}

/// <summary>Any string form on a scalar field; negation is "does not match".</summary>
internal sealed class StringFieldPredicate<TField>(StringMatcher matcher, bool negated) : PodPredicate
    where TField : struct, IStringField
{
    private readonly StringMatcher _matcher = matcher;
    private readonly bool _negated = negated;

    public override bool Matches(PodRecord pod) => _matcher.Matches(TField.Get(pod)) != _negated;
}

/// <summary>
/// A list field: a positive form matches when any element matches; a negated one when none does, so a
/// pod without elements matches only negated forms (and <c>-</c>, which is "no element is non-empty").
/// </summary>
internal sealed class StringListPredicate<TField>(StringMatcher matcher, bool negated) : PodPredicate
    where TField : struct, IStringListField
{
    private readonly StringMatcher _matcher = matcher;
    private readonly bool _negated = negated;

    public override bool Matches(PodRecord pod)
    {
        foreach (var element in TField.Get(pod))
        {
            if (_matcher.Matches(element))
            {
                return !_negated;
            }
        }

        return _negated;
    }
}
