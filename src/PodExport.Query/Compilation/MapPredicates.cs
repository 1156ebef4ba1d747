using PodExport.Model.Records;

namespace PodExport.Query.Compilation;

/// <summary><c>*</c> and <c>=</c> (at least one entry) or <c>-</c> (no entry) on a map (§6.6).</summary>
internal sealed class MapNonEmptyPredicate<TField>(bool nonEmpty) : PodPredicate
    where TField : struct, IMapField
{
    private readonly bool _nonEmpty = nonEmpty;

    public override bool Matches(PodRecord pod) => (TField.Get(pod).Count > 0) == _nonEmpty;
}

/// <summary><c>k=</c> / <c>!k=</c>: the map has (or lacks) the key exactly, case-sensitive.</summary>
internal sealed class MapHasKeyPredicate<TField>(string key, bool negated) : PodPredicate
    where TField : struct, IMapField
{
    private readonly string _key = key;
    private readonly bool _negated = negated;

    public override bool Matches(PodRecord pod) => HasKey(TField.Get(pod)) != _negated;

    private bool HasKey(IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return false;
        }

        // The pipeline builds ordinal dictionaries; any other comparer could fold case, so compare by hand.
        if (map is Dictionary<string, string> dictionary
            && (ReferenceEquals(dictionary.Comparer, EqualityComparer<string>.Default) || ReferenceEquals(dictionary.Comparer, StringComparer.Ordinal)))
        {
            return dictionary.ContainsKey(_key);
        }

        foreach (var entry in map)
        {
            if (string.Equals(entry.Key, _key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary><c>k</c>, <c>k=v</c>, <c>=v</c>: some entry whose key and value both match (a missing part matches all).</summary>
internal sealed class MapEntryPredicate<TField>(StringMatcher? key, StringMatcher? value) : PodPredicate
    where TField : struct, IMapField
{
    private readonly StringMatcher? _key = key;
    private readonly StringMatcher? _value = value;

    public override bool Matches(PodRecord pod)
    {
        var map = TField.Get(pod);
        if (map.Count == 0)
        {
            return false;
        }

        if (map is Dictionary<string, string> dictionary)
        {
            // The struct enumerator avoids an allocation per pod.
            foreach (var entry in dictionary)
            {
                if (EntryMatches(entry.Key, entry.Value))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var entry in map)
        {
            if (EntryMatches(entry.Key, entry.Value))
            {
                return true;
            }
        }

        return false;
    }

    private bool EntryMatches(string key, string value) =>
        (_key is null || _key.Matches(key)) && (_value is null || _value.Matches(value));
}
