using Microsoft.Extensions.Primitives;
using PodExport.Server.Export;

namespace PodExport.Server.Tests.Export;

public sealed class AcceptEncodingTests
{
    [Theory]
    [InlineData("gzip", true)]
    [InlineData("GZIP", true)]
    [InlineData("deflate, gzip;q=0.5", true)]
    [InlineData("gzip; q=1.0", true)]
    [InlineData("gzip;q=0.001", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("gzip;q=0.000", false)]
    [InlineData("*", false)]
    [InlineData("br, deflate", false)]
    [InlineData("gzipx", false)]
    [InlineData("", false)]
    public void AcceptsGzip_HeaderValue_FollowsW26(string header, bool expected) =>
        Assert.Equal(expected, AcceptEncoding.AcceptsGzip(new StringValues(header)));

    [Fact]
    public void AcceptsGzip_SeveralHeaderLines_ReadsAll() =>
        Assert.True(AcceptEncoding.AcceptsGzip(new StringValues(["br", "gzip"])));

    [Fact]
    public void AcceptsGzip_NoHeader_IsFalse() => Assert.False(AcceptEncoding.AcceptsGzip(StringValues.Empty));
}
