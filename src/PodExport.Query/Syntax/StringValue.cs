using System.Text.RegularExpressions;

namespace PodExport.Query.Syntax;

/// <summary>
/// A string comparison (§6.1); also the regex form of UUID fields and each part of a map value (§6.6).
/// </summary>
public sealed record StringValue(StringMatchKind Kind, string Text, bool Negated = false) : ValueSyntax
{
    /// <summary>The regex the parser built to validate the pattern, reused by the compiler; not part of equality.</summary>
    internal Regex? CompiledRegex { get; init; }

    public bool Equals(StringValue? other) =>
        other is not null && Kind == other.Kind && Negated == other.Negated && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, Negated, string.GetHashCode(Text, StringComparison.Ordinal));

    internal override int RegexCount() => Kind == StringMatchKind.Regex ? 1 : 0;

    public override string ToString()
    {
        var body = Kind switch
        {
            StringMatchKind.Exact => "\"" + Text + "\"",
            StringMatchKind.Regex => "r/" + Text,
            _ => Text,
        };
        return Negated ? "!" + body : body;
    }
}
