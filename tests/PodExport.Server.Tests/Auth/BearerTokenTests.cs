using Microsoft.AspNetCore.Http;
using PodExport.Server.Auth;

namespace PodExport.Server.Tests.Auth;

public sealed class BearerTokenTests
{
    [Theory]
    [InlineData("Bearer abc", "abc")]
    [InlineData("bearer abc", "abc")]
    [InlineData("BEARER  abc ", "abc")]
    [InlineData("Bearer", null)]
    [InlineData("Bearer ", null)]
    [InlineData("Basic abc", null)]
    [InlineData("Bearerabc", null)]
    [InlineData("", null)]
    public void Read_AuthorizationHeader_GivesTheToken(string header, string? token)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = header;

        Assert.Equal(token, BearerToken.Read(context.Request));
    }

    [Fact]
    public void Read_TwoAuthorizationHeaders_GivesNothing()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = new(["Bearer a", "Bearer b"]);

        Assert.Null(BearerToken.Read(context.Request));
    }
}
