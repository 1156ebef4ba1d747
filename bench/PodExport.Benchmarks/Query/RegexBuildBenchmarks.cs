using BenchmarkDotNet.Attributes;
using PodExport.Query.Parsing;

namespace PodExport.Benchmarks.Query;

/// <summary>The one-time cost of a new <c>r/</c> pattern: building the non-backtracking regex .</summary>
[MemoryDiagnoser]
public class RegexBuildBenchmarks
{
    [Params("web", "^web-[0-9]+$", "(foo|bar)baz.*qux")]
    public string Pattern { get; set; } = "";

    [Benchmark]
    public bool Build() => QueryRegex.Create(Pattern, out _, out _);
}
