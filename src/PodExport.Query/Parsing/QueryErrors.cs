using PodExport.Query.Catalog;

namespace PodExport.Query.Parsing;

/// <summary>The messages of query-language §8, verbatim; <c>{p}</c> is a 1-based position.</summary>
internal static class QueryErrors
{
    private const string Prefix = "invalid query: ";

    public static QueryError UnterminatedQuote(int p) =>
        Make(QueryErrorKind.UnterminatedQuote, p, $"unterminated quote at position {p}");

    public static QueryError NoColon(string pair, int p) =>
        Make(QueryErrorKind.NoColon, p, $"\"{pair}\" at position {p} is not a label:value pair");

    public static QueryError NoLabel(int p) =>
        Make(QueryErrorKind.NoLabel, p, $"missing label before ':' at position {p}");

    public static QueryError UnknownLabel(string label, int p)
    {
        var suggestion = LabelCatalog.Suggest(label);
        var hint = suggestion is null ? "" : $" did you mean \"{suggestion}\"?";
        return Make(
            QueryErrorKind.UnknownLabel,
            p,
            $"unknown label \"{label}\" at position {p};{hint} supported labels: {LabelCatalog.SupportedList}");
    }

    public static QueryError NotAPodLabel(string label, int p) =>
        Make(QueryErrorKind.NotAPodLabel, p, $"label \"{label}\" at position {p} does not apply to pods; supported labels: {LabelCatalog.SupportedList}");

    public static QueryError EmptyValue(QueryLabel label, int p) =>
        Make(QueryErrorKind.EmptyValue, p, $"empty value for label \"{label.Name}\" at position {p}");

    public static QueryError BadUuid(string v, QueryLabel label, int p) =>
        Make(QueryErrorKind.BadUuid, p, $"value \"{v}\" for label \"{label.Name}\" at position {p} is not a valid UUID");

    public static QueryError BadRegex(string pattern, QueryLabel label, int p, string reason) =>
        Make(QueryErrorKind.BadRegex, p, $"invalid regular expression \"{pattern}\" for label \"{label.Name}\" at position {p}: {reason}");

    public static QueryError BadNumber(string v, QueryLabel label, int p) =>
        Make(QueryErrorKind.BadNumber, p, $"value \"{v}\" for label \"{label.Name}\" at position {p} is not a valid number");

    public static QueryError BadRange(string v, QueryLabel label, int p) =>
        Make(QueryErrorKind.BadRange, p, $"invalid range \"{v}\" for label \"{label.Name}\" at position {p}: the first bound must be lower than the second");

    public static QueryError BadDate(string v, QueryLabel label, int p) =>
        Make(QueryErrorKind.BadDate, p, $"value \"{v}\" for label \"{label.Name}\" at position {p} is not a valid date (use MM/DD/YYYY, Nd, N-M or tr/<ms>-<ms>)");

    public static QueryError BadBool(string v, QueryLabel label, int p) =>
        Make(QueryErrorKind.BadBool, p, $"value \"{v}\" for label \"{label.Name}\" at position {p} is not a valid boolean (use true or false)");

    public static QueryError Modifier(string m, QueryLabel label, int p) =>
        Make(QueryErrorKind.Modifier, p, $"modifier \"{m}\" is not allowed for label \"{label.Name}\" ({label.TypeName}) at position {p}");

    public static QueryError BadMap(string v, QueryLabel label, int p) =>
        Make(QueryErrorKind.BadMap, p, $"unsupported map query \"{v}\" for label \"{label.Name}\" at position {p}: only \"!key=\" may be negated");

    private static QueryError Make(string kind, int p, string text) => new(kind, Prefix + text, p);
}
