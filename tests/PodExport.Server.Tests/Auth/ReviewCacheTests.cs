using Microsoft.Extensions.Time.Testing;
using PodExport.Server.Auth;

namespace PodExport.Server.Tests.Auth;

public sealed class ReviewCacheTests
{
    private static readonly CallerIdentity Ann = new("ann", ["b", "a"], null);

    [Fact]
    public void SetToken_SuccessAndFailure_ExpireAfterTheirOwnPeriods()
    {
        var time = new FakeTimeProvider();
        using var cache = Create(time, new AuthOptions { CacheSeconds = 60, NegativeCacheSeconds = 5 });
        cache.SetToken("good", Ann);
        cache.SetToken("bad", null);

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(cache.TryGetToken("bad", out var rejected));
        Assert.Null(rejected);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGetToken("bad", out _));
        Assert.True(cache.TryGetToken("good", out var identity));
        Assert.Equal(Ann, identity);

        time.Advance(TimeSpan.FromSeconds(55));
        Assert.False(cache.TryGetToken("good", out _));
    }

    [Fact]
    public void SetAccess_KeyedByUserGroupsAndNamespace_GroupOrderDoesNotMatter()
    {
        using var cache = Create(new FakeTimeProvider(), new AuthOptions());
        cache.SetAccess(Ann, "shop", allowed: true);

        Assert.True(cache.TryGetAccess(Ann with { Groups = ["a", "b"] }, "shop", out var allowed) && allowed);
        Assert.False(cache.TryGetAccess(Ann with { Groups = ["a"] }, "shop", out _));
        Assert.False(cache.TryGetAccess(Ann, "", out _));
        Assert.False(cache.TryGetAccess(new CallerIdentity("bob", ["a", "b"], null), "shop", out _));
    }

    [Fact]
    public void Set_BeyondCacheEntries_HoldsNoMore()
    {
        using var cache = Create(new FakeTimeProvider(), new AuthOptions { CacheEntries = 10 });
        for (var i = 0; i < 100; i++)
        {
            cache.SetToken($"token-{i}", Ann);
        }

        Assert.InRange(cache.Count, 1, 10);
    }

    [Fact]
    public void Set_CacheSecondsZero_CachesNothing()
    {
        using var cache = Create(new FakeTimeProvider(), new AuthOptions { CacheSeconds = 0, NegativeCacheSeconds = 0 });
        cache.SetToken("good", Ann);
        cache.SetAccess(Ann, "shop", allowed: true);

        Assert.Equal(0, cache.Count);
    }

    private static ReviewCache Create(TimeProvider time, AuthOptions options) => new(Microsoft.Extensions.Options.Options.Create(options), time);
}
