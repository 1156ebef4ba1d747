namespace PodExport.Benchmarks.EndToEnd;

/// <summary>The compiled two-clause query run over a store snapshot in the harness, single-threaded.</summary>
public sealed record FilterThroughput(string Query, int Pods, int Matches, long Evaluations, TimeSpan Elapsed)
{
    public double MillionPodsPerSecond => Evaluations / Elapsed.TotalSeconds / 1e6;

    public double MatchFraction => Pods == 0 ? 0 : (double)Matches / Pods;
}
