using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PodExport.Query.Parsing;

/// <summary>
/// Builds the regexes of <c>r/</c> values: case-insensitive, culture-invariant and non-backtracking, so
/// matching is linear in the input whatever the pattern; a length limit bounds the construction cost.
/// </summary>
internal static class QueryRegex
{
    /// <summary>Longest accepted pattern, in UTF-16 code units.</summary>
    public const int MaxPatternLength = 1000;

    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    public static bool TryCreate(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? reason)
    {
        regex = null;
        reason = null;
        if (pattern.Length > MaxPatternLength)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"the pattern is longer than {MaxPatternLength} characters");
            return false;
        }

        try
        {
            regex = new Regex(pattern, Options);
            return true;
        }
        catch (RegexParseException e)
        {
            reason = ParseReason(e);
        }
        catch (ArgumentException e)
        {
            reason = Sentence(e.Message);
        }
        catch (NotSupportedException e)
        {
            // Backreferences, lookarounds, atomic groups, \G, or an automaton too large for the linear engine.
            reason = Sentence(e.Message);
        }

        return false;
    }

    private static string ParseReason(RegexParseException e)
    {
        // The message reads "Invalid pattern '…' at offset N. Description."; keep the description.
        var marker = string.Create(CultureInfo.InvariantCulture, $"at offset {e.Offset}. ");
        var at = e.Message.LastIndexOf(marker, StringComparison.Ordinal);
        var description = at >= 0 ? e.Message[(at + marker.Length)..] : e.Error.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{Sentence(description)} at offset {e.Offset}");
    }

    private static string Sentence(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length > 0 && char.IsUpper(text[0]) && (text.Length == 1 || !char.IsUpper(text[1]))
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
    }
}
