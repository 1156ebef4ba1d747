using System.Diagnostics.CodeAnalysis;
using PodExport.Query.Catalog;
using PodExport.Query.Syntax;

namespace PodExport.Query.Parsing;

/// <summary>
/// Query text to syntax tree (query-language §1 to §6): quote check, pair splitting, pair parsing, value
/// splitting, label resolution and value parsing by field type, stopping at the first error in the order of Q-30.
/// Never throws for any input.
/// </summary>
public static class QueryParser
{
    public static bool TryParse(string? text, [NotNullWhen(true)] out QuerySyntax? syntax, [NotNullWhen(false)] out QueryError? error)
    {
        text ??= "";
        syntax = null;

        // empty or whitespace only matches every pod.
        if (text.AsSpan().IsWhiteSpace())
        {
            syntax = QuerySyntax.Empty;
            error = null;
            return true;
        }

        var quote = PairSplitter.FindUnterminatedQuote(text);
        if (quote >= 0)
        {
            error = QueryErrors.UnterminatedQuote(quote + 1);
            return false;
        }

        var ranges = PairSplitter.Split(text);
        var pairs = new List<PairSyntax>(ranges.Count);
        foreach (var range in ranges)
        {
            var (start, length) = range.GetOffsetAndLength(text.Length);
            if (!TryParsePair(text, start, start + length, out var pair, out error))
            {
                return false;
            }

            if (pair is not null)
            {
                pairs.Add(pair);
            }
        }

        syntax = pairs.Count == 0 ? QuerySyntax.Empty : new QuerySyntax(pairs.ToArray());
        error = null;
        return true;
    }

    /// <summary>Parses one pair; a pair that is empty after trimming gives neither a pair nor an error .</summary>
    private static bool TryParsePair(string text, int start, int end, out PairSyntax? pair, [NotNullWhen(false)] out QueryError? error)
    {
        pair = null;
        error = null;
        Trim(text, ref start, ref end);
        if (start == end)
        {
            return true;
        }

        var colon = text.IndexOf(':', start, end - start);
        if (colon < 0)
        {
            error = QueryErrors.NoColon(text[start..end], start + 1);
            return false;
        }

        int labelStart = start, labelEnd = colon;
        Trim(text, ref labelStart, ref labelEnd);
        if (labelStart == labelEnd)
        {
            error = QueryErrors.NoLabel(colon + 1);
            return false;
        }

        var labelText = text.AsSpan(labelStart, labelEnd - labelStart);
        if (!LabelCatalog.TryGetSupported(labelText, out var label))
        {
            error = LabelCatalog.TryGetStackRoxOnly(labelText, out var spelling)
                ? QueryErrors.NotAPodLabel(spelling, labelStart + 1)
                : QueryErrors.UnknownLabel(labelText.ToString(), labelStart + 1);
            return false;
        }

        var labelPosition = labelStart + 1;
        int valueStart = colon + 1, valueEnd = end;
        Trim(text, ref valueStart, ref valueEnd);
        if (valueStart == valueEnd)
        {
            error = QueryErrors.EmptyValue(label, labelPosition);
            return false;
        }

        var values = new List<ValueSyntax>(1);
        var inQuotes = false;
        var itemStart = valueStart;
        for (var i = valueStart; i <= valueEnd; i++)
        {
            // split at ',' outside quotes; the quote state restarts with the value string; no trimming.
            if (i < valueEnd)
            {
                var c = text[i];
                if (c == '"')
                {
                    inQuotes = !inQuotes;
                }

                if (c != ',' || inQuotes)
                {
                    continue;
                }
            }

            if (i == itemStart)
            {
                error = QueryErrors.EmptyValue(label, labelPosition);
                return false;
            }

            if (!ValueParser.TryParse(label, text[itemStart..i], itemStart + 1, out var value, out error))
            {
                return false;
            }

            values.Add(value);
            itemStart = i + 1;
        }

        pair = new PairSyntax(label, values.ToArray());
        return true;
    }

    private static void Trim(string text, ref int start, ref int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
    }
}
