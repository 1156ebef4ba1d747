using PodExport.Server.Export;

namespace PodExport.Server.Tests.Export;

public sealed class GoStrconvTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    [InlineData("+5", 5)]
    [InlineData("007", 7)]
    [InlineData("-0", 0)]
    [InlineData("-5", -5)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void ParseInt32_ValidInput_ReturnsValue(string input, int expected)
    {
        Assert.Equal(GoStrconv.ParseResult.Ok, GoStrconv.ParseInt32(input, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("abc")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("1_000")]
    [InlineData("++1")]
    [InlineData("1x")]
    [InlineData("٣")]
    public void ParseInt32_Malformed_ReturnsInvalidSyntax(string input) =>
        Assert.Equal(GoStrconv.ParseResult.InvalidSyntax, GoStrconv.ParseInt32(input, out _));

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("99999999999")]
    [InlineData("99999999999999999999999999")]
    [InlineData("99999999999x")] // Go stops at the overflow before it sees the 'x'.
    public void ParseInt32_TooLarge_ReturnsOutOfRange(string input) =>
        Assert.Equal(GoStrconv.ParseResult.OutOfRange, GoStrconv.ParseInt32(input, out _));

    [Theory]
    [InlineData("abc", "\"abc\"")]
    [InlineData("", "\"\"")]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("\u001b\u007f", "\"\\x1b\\x7f\"")]
    [InlineData("é ü 中", "\"é ü 中\"")]
    [InlineData("\u00a0\u200b", "\"\\u00a0\\u200b\"")]
    [InlineData("%zz", "\"%zz\"")]
    public void Quote_String_MatchesGo(string input, string expected) => Assert.Equal(expected, GoStrconv.Quote(input));

    [Fact]
    public void Quote_InvalidUtf8_EscapesBytes() =>
        Assert.Equal("\"%\\xc3(\"", GoStrconv.Quote([(byte)'%', 0xC3, (byte)'(']));
}
