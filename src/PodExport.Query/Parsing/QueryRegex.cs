using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PodExport.Query.Parsing;

/// <summary>
/// Builds the regexes of <c>r/</c> values: case-insensitive, culture-invariant and non-backtracking, so
/// matching is linear in the input whatever the pattern; a length limit and the engine's automaton size limit
/// bound the construction cost.
/// </summary>
/// <remarks>
/// Building a non-backtracking regex costs 0.1 to 1 ms, far more than the rest of a query, so regexes (and
/// rejections) are shared by pattern across queries in a small bounded table; <see cref="Regex"/> is thread-safe.
/// </remarks>
internal static class QueryRegex
{
    /// <summary>Longest accepted pattern, in UTF-16 code units.</summary>
    public const int MaxPatternLength = 1000;

    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    /// <summary>Patterns kept; the table is emptied when full, which is rare and only costs rebuilding.</summary>
    private const int MaxShared = 256;

    private static readonly ConcurrentDictionary<string, (Regex? Regex, string? Reason)> Shared = new(StringComparer.Ordinal);

    public static bool TryCreate(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? reason)
    {
        if (!Shared.TryGetValue(pattern, out var entry))
        {
            entry = Create(pattern, out var built, out var why) ? (built, null) : (null, why);
            if (Shared.Count >= MaxShared)
            {
                Shared.Clear();
            }

            Shared.TryAdd(pattern, entry);
        }

        regex = entry.Regex;
        reason = entry.Reason;
        return regex is not null;
    }

    /// <summary>Builds without the shared table (benchmarks measure this).</summary>
    internal static bool Create(string pattern, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? reason)
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
