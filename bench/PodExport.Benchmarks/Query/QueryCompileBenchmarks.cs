using BenchmarkDotNet.Attributes;
using PodExport.Query;
using PodExport.Query.Parsing;

namespace PodExport.Benchmarks.Query;

/// <summary>
/// Parse + compile time of typical queries without the compiled-query cache (target: 20 µs), and a cache hit.
/// Regexes are shared by pattern across queries, so <see cref="ParseAndCompile"/> of a regex query measures a
/// shared hit; <see cref="RegexBuildBenchmarks"/> measures the one-time cost of a new pattern.
/// </summary>
[MemoryDiagnoser]
public class QueryCompileBenchmarks
{
    private QueryCompiler _compiler = null!;

    [Params(
        "Namespace:shop+Pod Name:web",
        "Namespace:shop,payments Pod Name:web",
        "Termination Reason:OOMKilled+Deployment Type:\"StatefulSet\"",
        "Pod Label:app=web+Pod Deleted:false+Container Restarts:>=3",
        "Deployment ID:5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f+Pod Started:<03/09/2022 1:30 PM UTC",
        "Pod Name:r/^web-[0-9]+$")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _compiler = new QueryCompiler();
        _compiler.TryCompile(Query, out _, out _);
    }

    [GlobalCleanup]
    public void Cleanup() => _compiler.Dispose();

    [Benchmark]
    public bool Parse() => QueryParser.TryParse(Query, out _, out _);

    [Benchmark]
    public bool ParseAndCompile() => QueryCompiler.TryCompileUncached(Query, out _, out _);

    [Benchmark]
    public bool CachedCompile() => _compiler.TryCompile(Query, out _, out _);
}
