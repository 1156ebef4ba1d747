using PodExport.Model.Wire;
using PodExport.Query.Catalog;
using PodExport.Query.Parsing;
using PodExport.Query.Syntax;

namespace PodExport.Query.Tests.Syntax;

public sealed class SyntaxPrinterTests
{
    [Theory]
    [InlineData(5, "5")]
    [InlineData(-5, "-5")]
    [InlineData(0.5, "0.5")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1e-5, "0.00001")]
    [InlineData(-1.25e-7, "-0.000000125")]
    public void FormatNumber_NoNegativeExponent(double value, string text) => Assert.Equal(text, SyntaxText.FormatNumber(value));

    [Theory]
    [InlineData(ComparisonOperator.Equal, 1e-7, "0.0000001")]
    [InlineData(ComparisonOperator.Equal, -3, "-3")]
    [InlineData(ComparisonOperator.GreaterOrEqual, 128, ">=128")]
    public void NumericCompare_Prints(ComparisonOperator op, double number, string text) =>
        Assert.Equal(text, new NumericCompareValue(op, number).ToString());

    [Fact]
    public void NumericRange_TinyBounds_ParseBack()
    {
        var value = new NumericRangeValue(-1e-7, 2.5e-6);
        Assert.Equal("-0.0000001-0.0000025", value.ToString());
        AssertRoundTrip("Exit Code", value);
    }

    [Fact]
    public void Date_Prints12HourClockWithFraction()
    {
        var instant = Timestamp.FromDateTimeOffset(new DateTimeOffset(2022, 3, 9, 0, 5, 7, TimeSpan.Zero)) with { Nanos = 500_000_000 };
        Assert.Equal("03/09/2022 12:05:07.5 AM", new DateInstantValue(null, instant).ToString());
        Assert.Equal(">03/09/2022", new DateInstantValue(ComparisonOperator.Greater, new Timestamp(1646784000, 0)).ToString());
        Assert.Equal("03/09/2022 1:00:00 PM", new DateInstantValue(null, new Timestamp(1646784000 + (13 * 3600), 0)).ToString());
    }

    [Fact]
    public void DateForms_Print()
    {
        Assert.Equal("30d", new DateDaysAgoValue(ComparisonOperator.Equal, 30).ToString());
        Assert.Equal("<=-2d", new DateDaysAgoValue(ComparisonOperator.LessOrEqual, -2).ToString());
        Assert.Equal("-5d--3d", new DateDayRangeValue(-5, -3).ToString());
        Assert.Equal("tr/0--1", new DateMillisRangeValue(0, -1).ToString());
        AssertRoundTrip("Pod Started", new DateDayRangeValue(-5, -3));
        AssertRoundTrip("Pod Started", new DateMillisRangeValue(0, -1));
    }

    [Fact]
    public void MapForms_Print()
    {
        Assert.Equal("=", new MapEntryValue(null, null).ToString());
        Assert.Equal("app", new MapEntryValue(new StringValue(StringMatchKind.Prefix, "app"), null).ToString());
        Assert.Equal("=!\"web\"", new MapEntryValue(null, new StringValue(StringMatchKind.Exact, "web", true)).ToString());
        Assert.Equal("!app=", new MapHasKeyValue("app", true).ToString());
    }

    [Fact]
    public void Query_PrintsCatalogSpellingJoinedByPlus()
    {
        Assert.True(QueryParser.TryParse("namespace:a, b+ pod name:!r/^x ", out var tree, out _));
        Assert.Equal("Namespace:a, b+Pod Name:!r/^x", tree.ToString());
    }

    private static void AssertRoundTrip(string label, ValueSyntax value)
    {
        Assert.True(LabelCatalog.TryGetSupported(label, out var l));
        var tree = new QuerySyntax([new PairSyntax(l, [value])]);
        Assert.True(QueryParser.TryParse(tree.ToString(), out var parsed, out var error), error?.Message);
        Assert.Equal(tree, parsed);
    }
}
