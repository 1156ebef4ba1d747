using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace PodExport.Query.Tests;

public sealed class QueryCompilerTests
{
    [Fact]
    public void TryCompile_SameText_ReturnsCachedQuery()
    {
        using var compiler = new QueryCompiler();
        Assert.True(compiler.TryCompile("Namespace:shop+Pod Name:web", out var first, out _));
        Assert.True(compiler.TryCompile("Namespace:shop+Pod Name:web", out var second, out _));
        Assert.Same(first, second);
        Assert.Equal("Namespace:shop+Pod Name:web", first.Text);
        Assert.False(first.MatchesAll);
    }

    [Fact]
    public void TryCompile_BadText_CachesTheError()
    {
        using var compiler = new QueryCompiler();
        Assert.False(compiler.TryCompile("Namspace:shop", out var query, out var first));
        Assert.Null(query);
        Assert.False(compiler.TryCompile("Namspace:shop", out _, out var second));
        Assert.Same(first, second);
    }

    [Fact]
    public void TryCompile_SharedSizeLimitedCache_EntriesCarryASize()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = 100, TrackStatistics = true });
        using var compiler = new QueryCompiler(cache);
        Assert.True(compiler.TryCompile("Pod Name:r/^web", out _, out _));
        Assert.True(compiler.TryCompile("", out var empty, out _));
        Assert.True(empty.MatchesAll);
        Assert.Equal(2, cache.Count);
        Assert.Equal(1 + 8 + 1, cache.GetCurrentStatistics()!.CurrentEstimatedSize);
    }

    [Fact]
    public void TryCompile_CacheFull_StillCompiles()
    {
        using var cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = 2 });
        using var compiler = new QueryCompiler(cache);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(compiler.TryCompile($"Container Restarts:{i}", out var query, out _));
            Assert.True(query.Bind(QueryAssert.ViewTime)(TestPods.Make(restarts: i)));
        }
    }

    [Fact]
    public void TryCompile_Null_IsTheEmptyQuery()
    {
        using var compiler = new QueryCompiler();
        Assert.True(compiler.TryCompile(null!, out var query, out _));
        Assert.True(query.MatchesAll);
        Assert.True(query.Bind(QueryAssert.ViewTime)(TestPods.Make()));
    }

    [Fact]
    public void Bind_NoRelativeDates_SameFilterEveryTime()
    {
        var query = QueryAssert.Compile("Pod Name:web");
        Assert.False(query.DependsOnViewTime);
        Assert.Same(query.Bind(QueryAssert.ViewTime), query.Bind(QueryAssert.ViewTime.AddDays(3)));
    }

    [Fact]
    public void AddPodExportQuery_RegistersOneCompiler()
    {
        var services = new ServiceCollection();
        services.AddPodExportQuery();
        services.AddPodExportQuery();
        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(QueryCompiler));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        using var compiler = Assert.IsType<QueryCompiler>(descriptor.ImplementationFactory!(null!));
        Assert.True(compiler.TryCompile("Pod Deleted:false", out _, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Pod Name:web")]
    [InlineData("Pod Label:app=web")]
    [InlineData("Container Name:app+Pod Started:<30d")]
    public void Filter_LargeList_SameAsPredicateInOrder(string text)
    {
        var pods = Enumerable.Range(0, 100)
            .Select(i => TestPods.Make(
                i % 3 == 0 ? $"web-{i}" : $"api-{i}",
                labels: new() { ["app"] = i % 2 == 0 ? "web" : "api" },
                liveContainers: i % 5 == 0 ? ["app"] : ["sidecar"],
                started: QueryAssert.ViewTime.AddDays(-i)))
            .ToArray();
        var query = QueryAssert.Compile(text);
        var expected = pods.Where(query.Bind(QueryAssert.ViewTime)).ToArray();
        Assert.Equal(expected, query.Filter(pods, QueryAssert.ViewTime));
        Assert.Equal(expected, query.Filter(pods.ToList(), QueryAssert.ViewTime));
        Assert.Equal(expected, query.Filter(new Model.Records.PodSnapshot(QueryAssert.ViewTime, pods.AsReadOnly())));
        Assert.NotEmpty(expected);
    }
}
