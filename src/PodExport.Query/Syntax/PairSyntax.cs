using PodExport.Query.Catalog;

namespace PodExport.Query.Syntax;

/// <summary>One <c>Label:v1,v2</c> pair: the values are alternatives .</summary>
public sealed record PairSyntax(QueryLabel Label, IReadOnlyList<ValueSyntax> Values)
{
    public bool Equals(PairSyntax? other) =>
        other is not null && ReferenceEquals(Label, other.Label) && Values.SequenceEqual(other.Values);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Label);
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>The pair as query text, with the catalog spelling of the label.</summary>
    public override string ToString() => Label.Name + ":" + string.Join(',', Values);
}
