using BenchmarkDotNet.Attributes;
using PodExport.Benchmarks.Fixtures;
using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Benchmarks.Micro;

/// <summary>
/// Rendering one pod's compact line (export-api §4): the store does this once per pod change, so it bounds the
/// rate of changes the gateway can absorb, not the export rate.
/// </summary>
[MemoryDiagnoser]
public class RenderLineBenchmarks
{
    private Pod _pod = null!;

    [GlobalSetup]
    public void Setup() => _pod = SamplePods.WirePod(7);

    [Benchmark]
    public byte[] RenderLine() => PodJsonWriter.RenderLine(_pod);

    [Benchmark]
    public byte[] RenderPrettyLine() => PodJsonWriter.RenderPrettyLine(_pod);
}
