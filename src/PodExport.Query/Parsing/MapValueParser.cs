using System.Diagnostics.CodeAnalysis;
using PodExport.Query.Catalog;
using PodExport.Query.Syntax;

namespace PodExport.Query.Parsing;

/// <summary>
/// Map values (§6.6): cut at the first <c>=</c>; each part is a string form of §6.1. <c>*</c> and <c>-</c> are
/// handled by the caller.
/// </summary>
internal static class MapValueParser
{
    public static bool TryParse(QueryLabel label, string v, int position, [NotNullWhen(true)] out ValueSyntax? value, [NotNullWhen(false)] out QueryError? error)
    {
        value = null;
        error = null;
        var eq = v.IndexOf('=', StringComparison.Ordinal);
        var key = eq < 0 ? v : v[..eq];
        var rest = eq < 0 ? null : v[(eq + 1)..];

        if (key.StartsWith('!'))
        {
            // only "!k=" (a non-empty literal key, no value) may be negated.
            if (rest is "" && key.Length > 1)
            {
                value = new MapHasKeyValue(key[1..], Negated: true);
                return true;
            }

            error = QueryErrors.BadMap(v, label, position);
            return false;
        }

        if (rest is null)
        {
            if (!TryParsePart(label, key, allowNegation: false, position, out var keyOnly, out error))
            {
                return false;
            }

            value = new MapEntryValue(keyOnly, null);
            return true;
        }

        if (rest.Length == 0)
        {
            value = key.Length == 0 ? new MapEntryValue(null, null) : new MapHasKeyValue(key);
            return true;
        }

        StringValue? keyPart = null;
        if (key.Length > 0 && !TryParsePart(label, key, allowNegation: false, position, out keyPart, out error))
        {
            return false;
        }

        if (!TryParsePart(label, rest, allowNegation: true, position, out var valuePart, out error))
        {
            return false;
        }

        value = new MapEntryValue(keyPart, valuePart);
        return true;
    }

    /// <summary>One side of <c>k=v</c>: plain (prefix), <c>"…"</c> (exact) or <c>r/…</c> (regex), maybe negated.</summary>
    private static bool TryParsePart(QueryLabel label, string part, bool allowNegation, int position, [NotNullWhen(true)] out StringValue? value, [NotNullWhen(false)] out QueryError? error)
    {
        value = null;
        if (part.Length > 2 && part.StartsWith("!!", StringComparison.Ordinal))
        {
            error = QueryErrors.Modifier("!!", label, position);
            return false;
        }

        var negated = allowNegation && part.Length > 1 && part[0] == '!';
        var rest = negated ? part[1..] : part;
        var kind = StringMatchKind.Prefix;
        if (rest.Length > 2 && rest.StartsWith("r/", StringComparison.Ordinal))
        {
            kind = StringMatchKind.Regex;
            rest = rest[2..];
        }
        else if (rest.Length >= 2 && rest[0] == '"' && rest[^1] == '"')
        {
            kind = StringMatchKind.Exact;
            rest = rest[1..^1];
        }

        if (!ValueParser.TryMakeString(label, kind, rest, negated, position, out var parsed, out error))
        {
            return false;
        }

        value = (StringValue)parsed;
        return true;
    }
}
