using BenchmarkDotNet.Attributes;
using PodExport.Model.Records;
using PodExport.Query;

namespace PodExport.Benchmarks.Query;

/// <summary>
/// Filter throughput on one core: one operation is one pod evaluated, so the mean is the cost per pod
/// (target for the two-clause prefix query: 50 ns, i.e. 20 million pods per second).
/// </summary>
[MemoryDiagnoser]
public class QueryFilterBenchmarks
{
    private const int PodCount = 100_000;

    private PodRecord[] _pods = [];
    private Func<PodRecord, bool> _filter = _ => true;
    private PodQuery _query = null!;
    private DateTimeOffset _viewTime;

    [Params(
        "Namespace:shop+Pod Name:web",
        "Pod Name:r/^web-[0-9a-f]+-1",
        "Pod Label:app=web",
        "Namespace:!kube-",
        "Exit Code:>=128+Pod Started:>30d")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _pods = SyntheticPods.Create(PodCount);
        if (!QueryCompiler.TryCompileUncached(Query, out var query, out var error))
        {
            throw new InvalidOperationException(error.Message);
        }

        _query = query;
        _viewTime = new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero);
        _filter = query.Bind(_viewTime);
    }

    /// <summary>The bound predicate called per pod, as a caller's own loop would.</summary>
    [Benchmark(OperationsPerInvoke = PodCount, Baseline = true)]
    public int Predicate()
    {
        var filter = _filter;
        var matches = 0;
        foreach (var pod in _pods)
        {
            if (filter(pod))
            {
                matches++;
            }
        }

        return matches;
    }

    /// <summary><see cref="PodQuery.Filter(IReadOnlyList{PodRecord}, DateTimeOffset)"/>, which prefetches ahead.</summary>
    [Benchmark(OperationsPerInvoke = PodCount)]
    public int Filter()
    {
        var matches = 0;
        foreach (var pod in _query.Filter(_pods, _viewTime))
        {
            matches += pod.Name.Length > 0 ? 1 : 0;
        }

        return matches;
    }
}
