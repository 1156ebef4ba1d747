using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Auth;

/// <summary>
/// The bounded memory cache of TokenReview results (by token hash) and access decisions (by user, groups and
/// namespace), expiring on the injected clock (service.md S-5, S-9). A full cache stores nothing more until
/// compaction makes room; lookups then simply go to the API server.
/// </summary>
public sealed class ReviewCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _positive;
    private readonly TimeSpan _negative;

    public ReviewCache(IOptions<AuthOptions> options, TimeProvider timeProvider)
    {
        var settings = options.Value;
        _positive = TimeSpan.FromSeconds(settings.CacheSeconds);
        _negative = TimeSpan.FromSeconds(settings.NegativeCacheSeconds);
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = settings.CacheEntries,
            Clock = new Clock(timeProvider),
            ExpirationScanFrequency = TimeSpan.FromSeconds(30),
        });
    }

    /// <summary>Entries held now.</summary>
    public int Count => _cache.Count;

    /// <summary>A TokenReview result by token hash: the identity, or null for a token the API server refused.</summary>
    public bool TryGetToken(string tokenHash, out CallerIdentity? identity) =>
        _cache.TryGetValue(TokenKey(tokenHash), out identity);

    public void SetToken(string tokenHash, CallerIdentity? identity) =>
        Set(TokenKey(tokenHash), identity, identity is null ? _negative : _positive);

    /// <summary>A decision for <c>list pods</c> in a namespace (<c>""</c>: cluster-wide).</summary>
    public bool TryGetAccess(CallerIdentity identity, string ns, out bool allowed) =>
        _cache.TryGetValue(AccessKey(identity, ns), out allowed);

    public void SetAccess(CallerIdentity identity, string ns, bool allowed) =>
        Set(AccessKey(identity, ns), allowed, _positive);

    public void Dispose() => _cache.Dispose();

    private static string TokenKey(string tokenHash) => "t\n" + tokenHash;

    private static string AccessKey(CallerIdentity identity, string ns) => "a\n" + ns + "\n" + identity.AccessKey;

    private void Set<T>(string key, T value, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        _cache.Set(key, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
    }

    private sealed class Clock(TimeProvider timeProvider) : ISystemClock
    {
        public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
    }
}
