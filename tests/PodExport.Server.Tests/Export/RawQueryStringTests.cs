using PodExport.Server.Export;

namespace PodExport.Server.Tests.Export;

public sealed class RawQueryStringTests
{
    [Theory]
    [InlineData("?query=%", "invalid URL escape \"%\"")]
    [InlineData("?query=%4", "invalid URL escape \"%4\"")]
    [InlineData("?query=%zz", "invalid URL escape \"%zz\"")]
    [InlineData("?query=ab%zzcd", "invalid URL escape \"%zz\"")]
    [InlineData("?query=%4g", "invalid URL escape \"%4g\"")]
    [InlineData("?%zz=1", "invalid URL escape \"%zz\"")]
    [InlineData("?unknown=%G1&query=%zz", "invalid URL escape \"%G1\"")]
    public void Parse_BadEscape_ReportsFirstLikeGo(string raw, string expected) =>
        Assert.Equal(expected, RawQueryString.Parse(raw).Error);

    [Theory]
    [InlineData("?query=%C3%28")]
    [InlineData("?q=%FF")]
    [InlineData("?%C3%28=x")]
    [InlineData("?query=%ED%A0%80")] // an encoded UTF-16 surrogate is not UTF-8
    public void Parse_InvalidUtf8_ReportsError(string raw)
    {
        var error = RawQueryString.Parse(raw).Error;
        Assert.NotNull(error);
        Assert.StartsWith("invalid UTF-8 in URL query: ", error);
    }

    [Fact]
    public void Parse_InvalidUtf8_NamesTheRawPair() =>
        Assert.Equal(
            "invalid UTF-8 in URL query: \"query=%C3%28\" does not decode to valid UTF-8",
            RawQueryString.Parse("?query=%C3%28").Error);

    [Fact]
    public void Parse_FormEncoding_DecodesPlusAndEscapes()
    {
        var raw = RawQueryString.Parse("?query=Namespace:prod+Pod%20Name:web%2Bx%C3%A9");
        Assert.Null(raw.Error);
        Assert.Equal(["Namespace:prod Pod Name:web+xé"], raw.Values("query"));
    }

    [Fact]
    public void Parse_Semicolon_IsAnOrdinaryCharacter()
    {
        var raw = RawQueryString.Parse("?query=a;b&timeout=1");
        Assert.Null(raw.Error);
        Assert.Equal(["a;b"], raw.Values("query"));
        Assert.Equal(["1"], raw.Values("timeout"));
    }

    [Fact]
    public void Parse_RepeatedAndEmptyPairs_KeepsOrder()
    {
        var raw = RawQueryString.Parse("?timeout=1&&timeout=2&=x&timeout");
        Assert.Equal(["1", "2", ""], raw.Values("timeout"));
    }

    [Theory]
    [InlineData("?pretty", true)]
    [InlineData("?pretty=", true)]
    [InlineData("?pretty=false", true)]
    [InlineData("?pr%65tty", true)]
    [InlineData("?Pretty", false)]
    [InlineData("?prettyx=1", false)]
    [InlineData("", false)]
    public void Has_Pretty_MatchesExactKey(string raw, bool expected) =>
        Assert.Equal(expected, RawQueryString.Parse(raw).Has("pretty"));

    [Fact]
    public void Parse_BadPair_KeepsTheOthers()
    {
        var raw = RawQueryString.Parse("?pretty&query=%zz");
        Assert.NotNull(raw.Error);
        Assert.True(raw.Has("pretty"));
        Assert.Empty(raw.Values("query"));
    }
}
