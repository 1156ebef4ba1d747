namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// The compiled two-clause query run over a store snapshot in the harness, on one thread. The rate is given per
/// second of wall time and per second of this process's CPU time: on shared cores the second is the code's speed.
/// </summary>
public sealed record FilterThroughput(string Query, int Pods, int Matches, long Evaluations, TimeSpan Elapsed, TimeSpan CpuTime)
{
    public double MillionPodsPerSecond => Evaluations / Elapsed.TotalSeconds / 1e6;

    public double MillionPodsPerCpuSecond => CpuTime > TimeSpan.Zero ? Evaluations / CpuTime.TotalSeconds / 1e6 : MillionPodsPerSecond;

    public double MatchFraction => Pods == 0 ? 0 : (double)Matches / Pods;
}
