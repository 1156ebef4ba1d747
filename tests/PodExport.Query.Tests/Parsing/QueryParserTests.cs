using PodExport.Model.Wire;
using PodExport.Query.Parsing;
using PodExport.Query.Syntax;
using static PodExport.Query.Tests.QueryAssert;

namespace PodExport.Query.Tests.Parsing;

/// <summary>Pair splitting and value forms (Q-12, §6) as syntax trees.</summary>
public sealed class QueryParserTests
{
    private static readonly Guid DeploymentGuid = Guid.Parse(TestPods.DeploymentId);

    [Theory]
    [InlineData("Pod Name:a+b+c", "a+b+c")]
    [InlineData("Pod Name:web+", "web+")]
    [InlineData("Pod Name:web++", "web++")]
    [InlineData("Pod Name:\"a+Namespace:b\"", "\"a+Namespace:b\"")]
    [InlineData("Pod Name:a:b:c", "a:b:c")]
    [InlineData("Pod Name:a\nNode:b", "a\nNode:b")]
    [InlineData("Pod Name:\"shop Node:x\"", "\"shop Node:x\"")]
    [InlineData("Pod Name:shop Pod  Name:web", "shop Pod  Name:web")]
    [InlineData("Pod Name:shop Podname:web", "shop Podname:web")]
    [InlineData("Pod Name:shop Pod Name", "shop Pod Name")]
    public void Parse_SeparatorInsideValue_OnePair(string text, string value)
    {
        var pair = Assert.Single(Parse(text).Pairs);
        Assert.Equal("Pod Name", pair.Label.Name);
        Assert.Equal(value, Assert.Single(pair.Values).ToString());
    }

    [Theory]
    [InlineData("Namespace:shop+Pod Name:web")]
    [InlineData("Namespace:shop + Pod Name:web")]
    [InlineData("Namespace:shop Pod Name:web")]
    [InlineData("Namespace:shop\tPod Name:web")]
    [InlineData("Namespace:shop \t pod name \t:web")]
    [InlineData("Namespace : shop  POD NAME:web")]
    [InlineData("+Namespace:shop+Pod Name:web")]
    public void Parse_TwoPairs_SplitAtPlusOrSpaceBeforeLabel(string text)
    {
        if (text.StartsWith('+'))
        {
            // A '+' at the very first position never separates: it stays in the first label.
            Assert.Equal("+Namespace", Fails(text).Message.Split('"')[1]);
            return;
        }

        Assert.Equal("Namespace:shop+Pod Name:web", Parse(text).ToString());
    }

    [Fact]
    public void Parse_ThreePairsSeparatedBySpaces_SplitsEach() =>
        Assert.Equal("Namespace:a+Pod Name:b+Node:c", Parse("Namespace:a Pod Name:b Node:c").ToString());

    [Fact]
    public void Parse_PlusThenColon_LastPlusSeparates()
    {
        var error = Fails("Pod Name:a+b:c");
        Assert.Equal(QueryErrorKind.UnknownLabel, error.Kind);
        Assert.Equal(12, error.Position);
    }

    [Fact]
    public void Parse_LabelPartOfNewPair_IsNeverSplitAgain()
    {
        // "Deployment" is a label too, but the run inside "Inactive Deployment" is in the new pair's label part.
        var error = Fails("Namespace:a Inactive Deployment:x");
        Assert.Equal(QueryErrorKind.NotAPodLabel, error.Kind);
        Assert.Contains("\"Inactive Deployment\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(13, error.Position);
    }

    [Fact]
    public void Parse_ColonInsideQuotesOfLabel_StillCutsThePair()
    {
        var error = Fails("\"a:b\":x");
        Assert.Equal(QueryErrorKind.UnknownLabel, error.Kind);
        Assert.Contains("label \"\"a\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyPairBeforeFirstPlus_IsIgnored() =>
        Assert.Equal("Namespace:a+Pod Name:b", Parse("  +Namespace:a+Pod Name:b").ToString());

    [Fact]
    public void Parse_TwoPlusesBeforeLabel_FirstStaysInValue() =>
        Assert.Equal("Namespace:a++Pod Name:b", Parse("Namespace:a+ +Pod Name:b").ToString());

    [Fact]
    public void Parse_CommaValues_AreNotTrimmed()
    {
        var pair = Assert.Single(Parse("Pod Name:a, b ,\"c,d\",e").Pairs);
        Assert.Equal(
            [Prefix("a"), Prefix(" b "), new StringValue(StringMatchKind.Exact, "c,d"), Prefix("e")],
            pair.Values);
    }

    [Theory]
    [InlineData("web", StringMatchKind.Prefix, "web", false)]
    [InlineData("!web", StringMatchKind.Prefix, "web", true)]
    [InlineData("\"web\"", StringMatchKind.Exact, "web", false)]
    [InlineData("!\"web\"", StringMatchKind.Exact, "web", true)]
    [InlineData("r/^web", StringMatchKind.Regex, "^web", false)]
    [InlineData("!r/^web", StringMatchKind.Regex, "^web", true)]
    [InlineData("!", StringMatchKind.Prefix, "!", false)]
    [InlineData("!!", StringMatchKind.Prefix, "!", true)]
    [InlineData("r/", StringMatchKind.Prefix, "r/", false)]
    [InlineData("!r/", StringMatchKind.Prefix, "r/", true)]
    [InlineData("\"!x\"", StringMatchKind.Exact, "!x", false)]
    [InlineData("\"r/x\"", StringMatchKind.Exact, "r/x", false)]
    [InlineData("r/\"x\"", StringMatchKind.Regex, "\"x\"", false)]
    [InlineData("\"\"", StringMatchKind.Exact, "", false)]
    [InlineData("!*", StringMatchKind.Prefix, "*", true)]
    [InlineData("!-", StringMatchKind.Prefix, "-", true)]
    [InlineData("c/x", StringMatchKind.Prefix, "c/x", false)]
    [InlineData("g/x", StringMatchKind.Prefix, "g/x", false)]
    [InlineData(">a", StringMatchKind.Prefix, ">a", false)]
    [InlineData("a%_", StringMatchKind.Prefix, "a%_", false)]
    [InlineData("R/x", StringMatchKind.Prefix, "R/x", false)]
    public void Parse_StringForms_Q12(string v, StringMatchKind kind, string text, bool negated) =>
        Assert.Equal(new StringValue(kind, text, negated), SingleValue("Pod Name:" + v));

    [Theory]
    [InlineData("*", true)]
    [InlineData("-", false)]
    public void Parse_PresenceForms_AllTypes(string v, bool present)
    {
        foreach (var label in new[] { "Pod Name", "Pod ID", "Exit Code", "Pod Started", "Pod Deleted", "Pod Label", "Image" })
        {
            Assert.Equal(new PresenceValue(present), SingleValue($"{label}:{v}"));
        }
    }

    [Theory]
    [InlineData("5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", false)]
    [InlineData("5C1E2D3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F", false)]
    [InlineData("{5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f}", false)]
    [InlineData("urn:uuid:5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", false)]
    [InlineData("URN:UUID:5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", false)]
    [InlineData("5c1e2d3f4a5b4c6d8e7f9a0b1c2d3e4f", false)]
    [InlineData("\"5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\"", false)]
    [InlineData("!5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", true)]
    [InlineData("!\"{5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f}\"", true)]
    public void Parse_UuidForms_Q16(string v, bool negated) =>
        Assert.Equal(new UuidValue(DeploymentGuid, negated), SingleValue("Deployment ID:" + v));

    [Fact]
    public void Parse_UuidRegex_IsStringRegex() =>
        Assert.Equal(new StringValue(StringMatchKind.Regex, "^5c1e", true), SingleValue("Deployment ID:!r/^5c1e"));

    [Theory]
    [InlineData("5", ComparisonOperator.Equal, 5)]
    [InlineData("=5", ComparisonOperator.Equal, 5)]
    [InlineData("==5", ComparisonOperator.Equal, 5)]
    [InlineData("<5", ComparisonOperator.Less, 5)]
    [InlineData(">5", ComparisonOperator.Greater, 5)]
    [InlineData("<=5", ComparisonOperator.LessOrEqual, 5)]
    [InlineData(">= \t5", ComparisonOperator.GreaterOrEqual, 5)]
    [InlineData("-5", ComparisonOperator.Equal, -5)]
    [InlineData("+5", ComparisonOperator.Equal, 5)]
    [InlineData("5.", ComparisonOperator.Equal, 5)]
    [InlineData(".5", ComparisonOperator.Equal, 0.5)]
    [InlineData("1e3", ComparisonOperator.Equal, 1000)]
    [InlineData("1E+3", ComparisonOperator.Equal, 1000)]
    [InlineData(">1e-3", ComparisonOperator.Greater, 0.001)]
    [InlineData("<-5", ComparisonOperator.Less, -5)]
    public void Parse_NumericComparisons_Q17Q18(string v, ComparisonOperator op, double number) =>
        Assert.Equal(new NumericCompareValue(op, number), SingleValue("Exit Code:" + v));

    [Theory]
    [InlineData("1-5", 1, 5)]
    [InlineData("-5-3", -5, 3)]
    [InlineData("-5--3", -5, -3)]
    [InlineData("0.5-1e3", 0.5, 1000)]
    public void Parse_NumericRange_Q19(string v, double lower, double upper) =>
        Assert.Equal(new NumericRangeValue(lower, upper), SingleValue("Container Restarts:" + v));

    [Theory]
    [InlineData("03/09/2022", null, "2022-03-09T00:00:00")]
    [InlineData("03/09/2022 UTC", null, "2022-03-09T00:00:00")]
    [InlineData("03/09/2022 GMT", null, "2022-03-09T00:00:00")]
    [InlineData("03/09/2022 1:30 PM", null, "2022-03-09T13:30:00")]
    [InlineData("03/09/2022 01:30 PM", null, "2022-03-09T13:30:00")]
    [InlineData("03/09/2022 12:05 AM", null, "2022-03-09T00:05:00")]
    [InlineData("03/09/2022 12:05 PM", null, "2022-03-09T12:05:00")]
    [InlineData("03/09/2022 11:59:59 PM UTC", null, "2022-03-09T23:59:59")]
    [InlineData(">03/09/2022", ComparisonOperator.Greater, "2022-03-09T00:00:00")]
    [InlineData(">= 03/09/2022 1:30:15 AM GMT", ComparisonOperator.GreaterOrEqual, "2022-03-09T01:30:15")]
    [InlineData("<03/09/2022", ComparisonOperator.Less, "2022-03-09T00:00:00")]
    [InlineData("<=03/09/2022", ComparisonOperator.LessOrEqual, "2022-03-09T00:00:00")]
    [InlineData("=03/09/2022", ComparisonOperator.Equal, "2022-03-09T00:00:00")]
    [InlineData("==03/09/2022", ComparisonOperator.Equal, "2022-03-09T00:00:00")]
    [InlineData("02/29/2024", null, "2024-02-29T00:00:00")]
    public void Parse_DateLayouts_Step3(string v, ComparisonOperator? op, string utc) =>
        Assert.Equal(
            new DateInstantValue(op, Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture))),
            SingleValue("Pod Started:" + v));

    [Fact]
    public void Parse_DateFraction_KeepsNanoseconds()
    {
        var value = Assert.IsType<DateInstantValue>(SingleValue("Pod Started:03/09/2022 1:00:00.1234567891 AM"));
        Assert.Equal(123_456_789, value.Instant.Nanos);
    }

    [Fact]
    public void Parse_DateYearZero_IsAccepted()
    {
        var value = Assert.IsType<DateInstantValue>(SingleValue("Pod Started:01/01/0000"));
        Assert.Equal("01/01/0000", value.ToString());
    }

    [Theory]
    [InlineData("tr/1646784000000-1646870400000", 1646784000000, 1646870400000)]
    [InlineData("tr/5--3", 5, -3)]
    [InlineData("tr/+5-10", 5, 10)]
    public void Parse_MillisRange_Step2(string v, long from, long to) =>
        Assert.Equal(new DateMillisRangeValue(from, to), SingleValue("Pod Started:" + v));

    [Theory]
    [InlineData("1-5", 1, 5)]
    [InlineData("1d-5d", 1, 5)]
    [InlineData("-5--3", -5, -3)]
    [InlineData("-5d-3", -5, 3)]
    public void Parse_DayRange_Step4(string v, int from, int to) =>
        Assert.Equal(new DateDayRangeValue(from, to), SingleValue("Pod Started:" + v));

    [Theory]
    [InlineData("30d", ComparisonOperator.Equal, 30)]
    [InlineData("30", ComparisonOperator.Equal, 30)]
    [InlineData("==30", ComparisonOperator.Equal, 30)]
    [InlineData(">30d", ComparisonOperator.Greater, 30)]
    [InlineData(">= 30", ComparisonOperator.GreaterOrEqual, 30)]
    [InlineData("<-2d", ComparisonOperator.Less, -2)]
    [InlineData("-2d", ComparisonOperator.Equal, -2)]
    [InlineData("<=+2d", ComparisonOperator.LessOrEqual, 2)]
    public void Parse_Days_Step5(string v, ComparisonOperator op, int days) =>
        Assert.Equal(new DateDaysAgoValue(op, days), SingleValue("Pod Started:" + v));

    [Theory]
    [InlineData("true", true)]
    [InlineData("t", true)]
    [InlineData("Tr", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("F", false)]
    [InlineData("fAl", false)]
    [InlineData("0", false)]
    public void Parse_BoolForms_Q22(string v, bool expected) =>
        Assert.Equal(new BoolValue(expected), SingleValue("Pod Deleted:" + v));

    [Fact]
    public void Parse_MapForms_Section66()
    {
        Assert.Equal(new PresenceValue(true), SingleValue("Pod Label:*"));
        Assert.Equal(new PresenceValue(false), SingleValue("Pod Label:-"));
        Assert.Equal(new MapEntryValue(null, null), SingleValue("Pod Label:="));
        Assert.Equal(new MapHasKeyValue("app"), SingleValue("Pod Label:app="));
        Assert.Equal(new MapHasKeyValue("\"app\""), SingleValue("Pod Label:\"app\"="));
        Assert.Equal(new MapHasKeyValue("app", Negated: true), SingleValue("Pod Label:!app="));
        Assert.Equal(new MapHasKeyValue("!app", Negated: true), SingleValue("Pod Label:!!app="));
        Assert.Equal(new MapEntryValue(Prefix("app"), null), SingleValue("Pod Label:app"));
        Assert.Equal(new MapEntryValue(new StringValue(StringMatchKind.Exact, "app"), null), SingleValue("Pod Label:\"app\""));
        Assert.Equal(new MapEntryValue(Prefix("app"), Prefix("web")), SingleValue("Pod Label:app=web"));
        Assert.Equal(new MapEntryValue(Prefix("app"), Prefix("a=b")), SingleValue("Pod Label:app=a=b"));
        Assert.Equal(new MapEntryValue(null, Prefix("web")), SingleValue("Pod Label:=web"));
        Assert.Equal(new MapEntryValue(Prefix("app"), new StringValue(StringMatchKind.Prefix, "web", true)), SingleValue("Pod Label:app=!web"));
        Assert.Equal(new MapEntryValue(null, new StringValue(StringMatchKind.Exact, "web", true)), SingleValue("Pod Label:=!\"web\""));
        Assert.Equal(
            new MapEntryValue(new StringValue(StringMatchKind.Regex, "^a"), new StringValue(StringMatchKind.Regex, "b$")),
            SingleValue("Deployment Label:r/^a=r/b$"));
        Assert.Equal(new MapEntryValue(Prefix("*"), Prefix("x")), SingleValue("Pod Label:*=x"));
        Assert.Equal(new MapEntryValue(Prefix("app"), Prefix("!")), SingleValue("Pod Label:app=!"));
    }

    [Fact]
    public void TryParse_Null_IsEmptyQuery()
    {
        Assert.True(QueryParser.TryParse(null, out var syntax, out _));
        Assert.Same(QuerySyntax.Empty, syntax);
    }

    private static StringValue Prefix(string text) => new(StringMatchKind.Prefix, text);

    private static QuerySyntax Parse(string text)
    {
        Assert.True(QueryParser.TryParse(text, out var syntax, out var error), error?.Message);
        return syntax;
    }

    private static ValueSyntax SingleValue(string text) => Assert.Single(Assert.Single(Parse(text).Pairs).Values);
}
