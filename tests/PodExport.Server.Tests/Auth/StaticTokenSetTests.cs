using PodExport.Server.Auth;

namespace PodExport.Server.Tests.Auth;

public sealed class StaticTokenSetTests
{
    private const string Yaml = """
        users:
        - token: t-one
          user: one
          groups: [g1]
          allow: [alpha]
        - token: t-all
          user: all
          allow: ["*"]
        - token: t-master
          user: master
          groups: [system:masters]
        - token: t-nothing
          user: nothing
        """;

    [Theory]
    [InlineData("t-one", "one", false, true)]
    [InlineData("t-all", "all", true, true)]
    [InlineData("t-master", "master", true, true)]
    [InlineData("t-nothing", "nothing", false, false)]
    public void TryFind_KnownToken_GivesUserAndScope(string token, string user, bool all, bool hasScope)
    {
        var set = StaticTokenSet.Parse(Yaml);

        Assert.True(set.TryFind(token, out var identity, out var scope));
        Assert.Equal(user, identity!.User);
        Assert.Equal(hasScope, scope is not null);
        Assert.Equal(all, scope?.IsAll ?? false);
    }

    [Theory]
    [InlineData("t-on")]
    [InlineData("t-one ")]
    [InlineData("T-ONE")]
    [InlineData("")]
    public void TryFind_OtherToken_FindsNothing(string token)
    {
        Assert.False(StaticTokenSet.Parse(Yaml).TryFind(token, out var identity, out var scope));
        Assert.Null(identity);
        Assert.Null(scope);
    }

    [Fact]
    public void TryFind_NamespaceList_AllowsOnlyThose()
    {
        StaticTokenSet.Parse(Yaml).TryFind("t-one", out _, out var scope);

        Assert.True(scope!.Allows("alpha"));
        Assert.False(scope.Allows("beta"));
    }

    [Theory]
    [InlineData("users: {}")]
    [InlineData("other: []")]
    [InlineData("users:\n- user: no-token")]
    [InlineData("users:\n- token: ''\n  user: empty")]
    [InlineData("users:\n- token: t\n  user: u\n  allow: notalist")]
    public void Parse_BadFile_Throws(string yaml)
    {
        Assert.ThrowsAny<Exception>(() => StaticTokenSet.Parse(yaml));
    }
}
