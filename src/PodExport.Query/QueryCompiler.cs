using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using PodExport.Query.Compilation;
using PodExport.Query.Parsing;

namespace PodExport.Query;

/// <summary>
/// Parses and compiles query text (query-language.md), caching both compiled queries and rejections by text in a
/// size-bounded memory cache: the same dashboards send the same queries over and over.
/// </summary>
public sealed class QueryCompiler : IDisposable
{
    /// <summary>Cache capacity in size units; a query costs 1 plus <see cref="RegexCost"/> per regex.</summary>
    public const int DefaultCacheSize = 1024;

    /// <summary>Non-backtracking regexes keep a lazily built automaton, so they weigh more in the cache.</summary>
    private const int RegexCost = 8;

    private static readonly TimeSpan SlidingExpiration = TimeSpan.FromMinutes(30);

    private readonly IMemoryCache _cache;
    private readonly bool _ownsCache;

    /// <summary>A compiler with its own cache of <see cref="DefaultCacheSize"/> units.</summary>
    public QueryCompiler()
        : this(new MemoryCache(new MemoryCacheOptions { SizeLimit = DefaultCacheSize }), ownsCache: true)
    {
    }

    /// <summary>
    /// A compiler caching in <paramref name="cache"/>, which should have a size limit: every entry is given a
    /// size. The caller keeps ownership of the cache.
    /// </summary>
    public QueryCompiler(IMemoryCache cache)
        : this(cache, ownsCache: false)
    {
    }

    private QueryCompiler(IMemoryCache cache, bool ownsCache)
    {
        _cache = cache;
        _ownsCache = ownsCache;
    }

    /// <summary>
    /// Compiles <paramref name="text"/> (the decoded <c>query</c> parameter). Returns false with the first error
    /// of §8 for a malformed query; never throws for any input.
    /// </summary>
    public bool TryCompile(string text, [NotNullWhen(true)] out PodQuery? query, [NotNullWhen(false)] out QueryError? error)
    {
        text ??= "";
        var key = new CacheKey(text);
        if (!_cache.TryGetValue(key, out CachedResult? result) || result is null)
        {
            result = CompileUncached(text);
            using var entry = _cache.CreateEntry(key);
            entry.Value = result;
            entry.Size = 1 + (RegexCost * result.RegexCount);
            entry.SlidingExpiration = SlidingExpiration;
        }

        query = result.Query;
        error = result.Error;
        return query is not null;
    }

    /// <summary>Parses and compiles without the cache.</summary>
    public static bool TryCompileUncached(string text, [NotNullWhen(true)] out PodQuery? query, [NotNullWhen(false)] out QueryError? error)
    {
        var result = CompileUncached(text ?? "");
        query = result.Query;
        error = result.Error;
        return query is not null;
    }

    public void Dispose()
    {
        if (_ownsCache)
        {
            _cache.Dispose();
        }
    }

    private static CachedResult CompileUncached(string text)
    {
        if (!QueryParser.TryParse(text, out var syntax, out var error))
        {
            return new CachedResult(null, error, 0);
        }

        var predicate = PredicateCompiler.Compile(syntax, out var timeDependent, out var reads);
        var regexes = 0;
        foreach (var pair in syntax.Pairs)
        {
            foreach (var value in pair.Values)
            {
                regexes += value.RegexCount();
            }
        }

        return new CachedResult(new PodQuery(text, syntax, predicate, timeDependent, reads), null, regexes);
    }

    /// <summary>A key type of its own, so a shared cache cannot confuse query text with other entries.</summary>
    private readonly record struct CacheKey(string Text);

    private sealed record CachedResult(PodQuery? Query, QueryError? Error, int RegexCount);
}
