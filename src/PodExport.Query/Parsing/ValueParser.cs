using System.Diagnostics.CodeAnalysis;
using PodExport.Query.Catalog;
using PodExport.Query.Syntax;

namespace PodExport.Query.Parsing;

/// <summary>One value of a pair: the forms of Q-12, checked against the field type, then parsed (§6).</summary>
internal static class ValueParser
{
    public static bool TryParse(QueryLabel label, string v, int position, [NotNullWhen(true)] out ValueSyntax? value, [NotNullWhen(false)] out QueryError? error)
    {
        value = null;
        error = null;
        if (v is "*" or "-")
        {
            value = new PresenceValue(v == "*");
            return true;
        }

        if (label.Type == FieldType.Map)
        {
            return MapValueParser.TryParse(label, v, position, out value, out error);
        }

        if (v.Length > 2 && v.StartsWith("!!", StringComparison.Ordinal))
        {
            error = QueryErrors.Modifier("!!", label, position);
            return false;
        }

        var allowsModifiers = label.Type is FieldType.String or FieldType.Uuid;
        var negated = v.Length > 1 && v[0] == '!';
        if (negated && !allowsModifiers)
        {
            error = QueryErrors.Modifier("!", label, position);
            return false;
        }

        var rest = negated ? v[1..] : v;
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

        if (kind != StringMatchKind.Prefix && !allowsModifiers)
        {
            error = QueryErrors.Modifier(kind == StringMatchKind.Regex ? "r/" : "\"", label, position);
            return false;
        }

        switch (label.Type)
        {
            case FieldType.String:
                return TryMakeString(label, kind, rest, negated, position, out value, out error);
            case FieldType.Uuid when kind == StringMatchKind.Regex:
                return TryMakeString(label, kind, rest, negated, position, out value, out error);
            case FieldType.Uuid:
                if (!UuidText.TryParse(rest, out var guid))
                {
                    error = QueryErrors.BadUuid(v, label, position);
                    return false;
                }

                value = new UuidValue(guid, negated);
                return true;
            case FieldType.Numeric:
                return NumericValueParser.TryParse(label, v, position, out value, out error);
            case FieldType.Date:
                return DateValueParser.TryParse(label, v, position, out value, out error);
            default:
                return TryParseBool(label, v, position, out value, out error);
        }
    }

    /// <summary>A string form; a regex is validated here so that a bad one is reported in pair order .</summary>
    public static bool TryMakeString(QueryLabel label, StringMatchKind kind, string text, bool negated, int position, [NotNullWhen(true)] out ValueSyntax? value, [NotNullWhen(false)] out QueryError? error)
    {
        value = null;
        error = null;
        if (kind != StringMatchKind.Regex)
        {
            value = new StringValue(kind, text, negated);
            return true;
        }

        if (!QueryRegex.TryCreate(text, out var regex, out var reason))
        {
            error = QueryErrors.BadRegex(text, label, position, reason);
            return false;
        }

        value = new StringValue(kind, text, negated) { CompiledRegex = regex };
        return true;
    }

    /// <summary>Q-22: <c>1</c>, <c>0</c>, or a non-empty case-insensitive prefix of <c>true</c> or <c>false</c>.</summary>
    private static bool TryParseBool(QueryLabel label, string v, int position, [NotNullWhen(true)] out ValueSyntax? value, [NotNullWhen(false)] out QueryError? error)
    {
        value = null;
        error = null;
        if (v == "1" || "true".StartsWith(v, StringComparison.OrdinalIgnoreCase))
        {
            value = new BoolValue(true);
            return true;
        }

        if (v == "0" || "false".StartsWith(v, StringComparison.OrdinalIgnoreCase))
        {
            value = new BoolValue(false);
            return true;
        }

        error = QueryErrors.BadBool(v, label, position);
        return false;
    }
}
