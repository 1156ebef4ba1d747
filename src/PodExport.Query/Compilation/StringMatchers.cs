using System.Text.RegularExpressions;
using PodExport.Query.Parsing;

namespace PodExport.Query.Compilation;

/// <summary>A test on one string value: the building block of string, UUID, list and map predicates.</summary>
internal abstract class StringMatcher
{
    public abstract bool Matches(string value);
}

/// <summary>Starts with, ordinal ignore-case (§6.1); <c>%</c> and <c>_</c> are ordinary characters .</summary>
internal sealed class PrefixMatcher(string prefix) : StringMatcher
{
    public string Prefix { get; } = prefix;

    public override bool Matches(string value) => value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Equals, case-sensitive (§6.1 <c>"v"</c>).</summary>
internal sealed class ExactMatcher(string text) : StringMatcher
{
    private readonly string _text = text;

    public override bool Matches(string value) => string.Equals(value, _text, StringComparison.Ordinal);
}

/// <summary>Contains a match, unanchored; the regex is case-insensitive and non-backtracking .</summary>
internal sealed class RegexMatcher(Regex regex) : StringMatcher
{
    private readonly Regex _regex = regex;

    public override bool Matches(string value) => _regex.IsMatch(value);
}

/// <summary>A non-empty value: the <c>*</c> of string and UUID fields.</summary>
internal sealed class NonEmptyMatcher : StringMatcher
{
    public static NonEmptyMatcher Instance { get; } = new();

    public override bool Matches(string value) => value.Length > 0;
}

/// <summary>The negated part of a map value, <c>k=!v</c>: applies per entry .</summary>
internal sealed class NotMatcher(StringMatcher inner) : StringMatcher
{
    private readonly StringMatcher _inner = inner;

    public override bool Matches(string value) => !_inner.Matches(value);
}

/// <summary>UUID equality on the 128-bit value, with a fast path for the canonical text pods carry.</summary>
internal sealed class UuidEqualsMatcher(Guid value) : StringMatcher
{
    private readonly Guid _value = value;
    private readonly string _canonical = value.ToString("D");

    public override bool Matches(string value)
    {
        if (value.Length == 36)
        {
            return string.Equals(value, _canonical, StringComparison.OrdinalIgnoreCase);
        }

        return UuidText.TryParse(value, out var parsed) && parsed == _value;
    }
}

/// <summary>A regex on the field's lowercase canonical UUID text .</summary>
internal sealed class UuidRegexMatcher(Regex regex) : StringMatcher
{
    private readonly Regex _regex = regex;

    public override bool Matches(string value) => _regex.IsMatch(UuidText.Canonical(value));
}
