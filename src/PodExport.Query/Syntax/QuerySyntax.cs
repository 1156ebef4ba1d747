namespace PodExport.Query.Syntax;

/// <summary>
/// A parsed query: pairs that must all match. <see cref="ToString"/> prints query text that parses back
/// to an equal tree.
/// </summary>
public sealed record QuerySyntax(IReadOnlyList<PairSyntax> Pairs)
{
    /// <summary>The empty query, which matches every pod .</summary>
    public static QuerySyntax Empty { get; } = new(Array.Empty<PairSyntax>());

    public bool Equals(QuerySyntax? other) => other is not null && Pairs.SequenceEqual(other.Pairs);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var pair in Pairs)
        {
            hash.Add(pair);
        }

        return hash.ToHashCode();
    }

    /// <summary>The query text: pairs joined by <c>+</c>.</summary>
    public override string ToString() => string.Join('+', Pairs);
}
