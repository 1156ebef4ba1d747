using PodExport.Server.Export;

namespace PodExport.Server.Tests.Export;

public sealed class ExportParameterParserTests
{
    [Theory]
    [InlineData("?timeout=1&timeout=2", "too many values for field \"timeout\": 1, 2")]
    [InlineData("?query=a&query=b", "too many values for field \"query\": a, b")]
    [InlineData("?query=a+b&query=%2B", "too many values for field \"query\": a b, +")]
    [InlineData("?timeout=abc", "parsing field \"timeout\": strconv.ParseInt: parsing \"abc\": invalid syntax")]
    [InlineData("?timeout=", "parsing field \"timeout\": strconv.ParseInt: parsing \"\": invalid syntax")]
    [InlineData("?timeout", "parsing field \"timeout\": strconv.ParseInt: parsing \"\": invalid syntax")]
    [InlineData("?timeout=+1", "parsing field \"timeout\": strconv.ParseInt: parsing \" 1\": invalid syntax")]
    [InlineData("?timeout=1.5", "parsing field \"timeout\": strconv.ParseInt: parsing \"1.5\": invalid syntax")]
    [InlineData("?timeout=1e3", "parsing field \"timeout\": strconv.ParseInt: parsing \"1e3\": invalid syntax")]
    [InlineData("?timeout=0x10", "parsing field \"timeout\": strconv.ParseInt: parsing \"0x10\": invalid syntax")]
    [InlineData("?timeout=%22x%5C", "parsing field \"timeout\": strconv.ParseInt: parsing \"\\\"x\\\\\": invalid syntax")]
    [InlineData("?timeout=99999999999", "parsing field \"timeout\": strconv.ParseInt: parsing \"99999999999\": value out of range")]
    [InlineData("?timeout=-5", "invalid timeout -5: must be 0 (no deadline) or a positive number of seconds")]
    [InlineData("?timeout=-2147483648", "invalid timeout -2147483648: must be 0 (no deadline) or a positive number of seconds")]
    [InlineData("?query=%zz", "invalid URL escape \"%zz\"")]
    public void TryParse_BadParameter_ReturnsStackRoxMessage(string raw, string expected)
    {
        Assert.False(ExportParameterParser.TryParse(RawQueryString.Parse(raw), pretty: false, 4096, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("", 0, "")]
    [InlineData("?timeout=30", 30, "")]
    [InlineData("?timeout=%2B30", 30, "")]
    [InlineData("?timeout=-0", 0, "")]
    [InlineData("?timeout=0030&query=Namespace%3Aprod", 30, "Namespace:prod")]
    [InlineData("?Timeout=abc&q=1&limit=x&query=", 0, "")]
    [InlineData("?TIMEOUT=1&TIMEOUT=2", 0, "")]
    public void TryParse_ValidParameters_ReturnsThem(string raw, int timeout, string query)
    {
        Assert.True(ExportParameterParser.TryParse(RawQueryString.Parse(raw), pretty: false, 4096, out var parameters, out _));
        Assert.Equal(new ExportParameters(timeout, query, false), parameters);
    }

    [Fact]
    public void TryParse_QueryAtLimit_IsAccepted()
    {
        var query = new string('é', 2048); // 4096 UTF-8 bytes
        Assert.True(ExportParameterParser.TryParse(RawQueryString.Parse("?query=" + Uri.EscapeDataString(query)), false, 4096, out var parameters, out _));
        Assert.Equal(query, parameters.Query);
    }

    [Fact]
    public void TryParse_QueryOverLimit_CountsUtf8Bytes()
    {
        var query = new string('é', 2048) + "x";
        Assert.False(ExportParameterParser.TryParse(RawQueryString.Parse("?query=" + Uri.EscapeDataString(query)), false, 4096, out _, out var error));
        Assert.Equal("query is too long: 4097 bytes of UTF-8, at most 4096 are allowed", error);
    }

    [Theory]
    [InlineData("?pretty", null, true)]
    [InlineData("?pretty=false", null, true)]
    [InlineData("", "application/json+pretty", true)]
    [InlineData("", "application/json", false)]
    [InlineData("", "application/json+pretty; q=1", false)]
    [InlineData("?PRETTY", null, false)]
    public void IsPretty_KeyOrAccept_Detected(string raw, string? accept, bool expected) =>
        Assert.Equal(expected, ExportParameterParser.IsPretty(RawQueryString.Parse(raw), accept is null ? [] : [accept]));
}
