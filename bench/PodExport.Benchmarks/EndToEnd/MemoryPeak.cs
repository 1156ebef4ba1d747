namespace PodExport.Benchmarks.EndToEnd;

/// <summary>What a process's memory did during one phase: RSS before and at its peak, managed heap where exposed.</summary>
public sealed record MemoryPeak(long RssBefore, long RssPeak, double? ManagedBefore, double? ManagedPeak, double? AllocatedDuring, bool PeakFromKernel)
{
    public long RssGrowth => Math.Max(0, RssPeak - RssBefore);
}
