using CsCheck;
using PodExport.Model.Wire;
using PodExport.Query.Catalog;
using PodExport.Query.Syntax;

namespace PodExport.Query.Tests.Syntax;

/// <summary>
/// Generators of syntax trees that query text can express: texts avoid separators and form prefixes where they
/// would change meaning (no ',', '"', ':', no leading '!', 'r/', no edge whitespace).
/// </summary>
internal static class SyntaxGenerators
{
    private const string TextChars = "abcwxyzABZ0189._/%<>+= -";
    private const string PatternChars = "abcxyzAZ019.^$|";

    private static readonly long MinSeconds = CivilTime.DaysFromCivil(0, 1, 1) * CivilTime.SecondsPerDay;
    private static readonly long MaxSeconds = (CivilTime.DaysFromCivil(9999, 12, 31) * CivilTime.SecondsPerDay) + 86_399;

    public static readonly Gen<string> Text = Gen.Char[TextChars].Array[1, 12]
        .Select(chars => new string(chars))
        .Where(s => s.Trim().Length == s.Length && s is not ("*" or "-") && !s.StartsWith('!') && !s.StartsWith("r/", StringComparison.Ordinal));

    public static readonly Gen<string> Pattern = Gen.Char[PatternChars].Array[1, 8].Select(chars => new string(chars));

    public static readonly Gen<ComparisonOperator> Operator = Gen.Enum<ComparisonOperator>();

    public static readonly Gen<StringValue> StringForm = Gen.OneOf(
        Gen.Select(Text, Gen.Bool, (t, n) => new StringValue(StringMatchKind.Prefix, t, n)),
        Gen.Select(Text, Gen.Bool, (t, n) => new StringValue(StringMatchKind.Exact, t, n)),
        Gen.Select(Pattern, Gen.Bool, (p, n) => new StringValue(StringMatchKind.Regex, p, n)));

    public static readonly Gen<double> Number = Gen.Double.Where(double.IsFinite);

    public static readonly Gen<Timestamp> Instant = Gen.Select(
        Gen.Long[MinSeconds, MaxSeconds],
        Gen.Int[0, 999_999_999],
        Gen.Bool,
        (s, n, midnight) => midnight ? new Timestamp(s - (((s % 86_400) + 86_400) % 86_400), 0) : new Timestamp(s, n));

    public static readonly Gen<ValueSyntax> Presence = Gen.Bool.Select(p => (ValueSyntax)new PresenceValue(p));

    public static readonly Gen<QueryLabel> Label = Gen.OneOf(LabelCatalog.Supported.ToArray());

    public static readonly Gen<QuerySyntax> Query = Label
        .SelectMany(label => Value(label).Array[1, 3].Select(values => new PairSyntax(label, values)))
        .Array[0, 4]
        .Select(pairs => new QuerySyntax(pairs));

    public static Gen<ValueSyntax> Value(QueryLabel label) => label.Type switch
    {
        FieldType.String => Gen.Frequency((1, Presence), (6, StringForm.Select(s => (ValueSyntax)s))),
        FieldType.Uuid => Gen.Frequency(
            (1, Presence),
            (4, Gen.Select(Gen.Guid, Gen.Bool, (g, n) => (ValueSyntax)new UuidValue(g, n))),
            (2, Gen.Select(Pattern, Gen.Bool, (p, n) => (ValueSyntax)new StringValue(StringMatchKind.Regex, p, n)))),
        FieldType.Numeric => Gen.Frequency(
            (1, Presence),
            (4, Gen.Select(Operator, Number, (o, x) => (ValueSyntax)new NumericCompareValue(o, x))),
            (2, Gen.Select(Number, Number).Where((a, b) => a < b).Select((a, b) => (ValueSyntax)new NumericRangeValue(a, b)))),
        FieldType.Date => Gen.Frequency(
            (1, Presence),
            (3, Gen.Select(Operator.Nullable(0.3), Instant, (o, t) => (ValueSyntax)new DateInstantValue(o, t))),
            (2, Gen.Select(Operator, Gen.Int, (o, d) => (ValueSyntax)new DateDaysAgoValue(o, d))),
            (2, Gen.Select(Gen.Int, Gen.Int).Where((a, b) => a < b).Select((a, b) => (ValueSyntax)new DateDayRangeValue(a, b))),
            (2, Gen.Select(Gen.Long[0, long.MaxValue], Gen.Long).Select((a, b) => (ValueSyntax)new DateMillisRangeValue(a, b)))),
        FieldType.Bool => Gen.Frequency((1, Presence), (3, Gen.Bool.Select(b => (ValueSyntax)new BoolValue(b)))),
        _ => Gen.Frequency(
            (1, Presence),
            (2, Gen.Select(MapKey, Gen.Bool, (k, n) => (ValueSyntax)new MapHasKeyValue(k, n))),
            (1, Gen.Const((ValueSyntax)new MapEntryValue(null, null))),
            (4, Gen.Select(MapKeyPart.Null(0.3), MapValuePart.Null(0.3))
                .Where((k, v) => k is not null || v is not null)
                .Select((k, v) => (ValueSyntax)new MapEntryValue(k, v)))),
    };

    private static Gen<string> MapKey => Text.Where(t => !t.Contains('=', StringComparison.Ordinal));

    private static Gen<StringValue> MapKeyPart => Gen.OneOf(
        MapKey.Select(t => new StringValue(StringMatchKind.Prefix, t)),
        MapKey.Select(t => new StringValue(StringMatchKind.Exact, t)),
        Pattern.Where(p => !p.Contains('=', StringComparison.Ordinal)).Select(p => new StringValue(StringMatchKind.Regex, p)));

    private static Gen<StringValue> MapValuePart => StringForm;
}
