using PodExport.Query.Catalog;

namespace PodExport.Query.Parsing;

/// <summary>
/// Splits query text into raw pair ranges: <c>+</c> splitting and then the whitespace-before-a-known-label
/// rule. Quotes protect separators; the caller has already checked that they are balanced.
/// </summary>
internal static class PairSplitter
{
    /// <summary>Index of the last <c>"</c> when the count is odd (Q-3), else -1.</summary>
    public static int FindUnterminatedQuote(string text)
    {
        var last = -1;
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                last = i;
                count++;
            }
        }

        return count % 2 == 1 ? last : -1;
    }

    public static List<Range> Split(string text)
    {
        var pairs = new List<Range>(4);
        var pairStart = 0;
        var lastPlus = -1;
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (inQuotes)
            {
                continue;
            }
            else if (c == '+')
            {
                // A '+' at the very first position never separates.
                if (i > 0)
                {
                    lastPlus = i;
                }
            }
            else if (c == ':' && lastPlus >= pairStart)
            {
                SplitAtLabels(text, pairStart, lastPlus, pairs);
                pairStart = lastPlus + 1;
            }
        }

        SplitAtLabels(text, pairStart, text.Length, pairs);
        return pairs;
    }

    /// <summary>
    /// a run of spaces and tabs after the pair's first ':' that is followed by a known label, optional
    /// spaces or tabs and ':' starts a new pair (a raw '+' in a URL decodes to a space). The new pair's label
    /// part is never split again, so scanning resumes at its colon.
    /// </summary>
    private static void SplitAtLabels(string text, int start, int end, List<Range> pairs)
    {
        var colon = text.IndexOf(':', start, end - start);
        if (colon < 0)
        {
            pairs.Add(new Range(start, end));
            return;
        }

        var pieceStart = start;
        var inQuotes = false;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
                continue;
            }

            if (inQuotes || i < colon || (c != ' ' && c != '\t'))
            {
                continue;
            }

            var runEnd = i + 1;
            while (runEnd < end && text[runEnd] is ' ' or '\t')
            {
                runEnd++;
            }

            var nextColon = runEnd < end ? text.IndexOf(':', runEnd, end - runEnd) : -1;
            if (nextColon > runEnd && LabelCatalog.IsKnown(text.AsSpan(runEnd, nextColon - runEnd).TrimEnd(" \t")))
            {
                // Labels hold no quotes, so the quote state is unchanged at the new pair's colon.
                pairs.Add(new Range(pieceStart, i));
                pieceStart = runEnd;
                colon = nextColon;
                i = nextColon;
            }
            else
            {
                i = runEnd - 1;
            }
        }

        pairs.Add(new Range(pieceStart, end));
    }
}
