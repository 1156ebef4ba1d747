namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// All measured exports of one scenario against one target. Throughput is total pods (bytes) over the summed
/// wall time of the rounds, so with one client it is the mean single-export rate and with C clients the
/// aggregate rate while C run at once.
/// </summary>
public sealed class LoadResult(string target, string scenario, int clients)
{
    private readonly List<ExportSample> _samples = [];

    public string Target { get; } = target;

    public string Scenario { get; } = scenario;

    public int Clients { get; } = clients;

    public IReadOnlyList<ExportSample> Samples => _samples;

    public TimeSpan Wall { get; private set; }

    public int Rounds { get; private set; }

    /// <summary>The server process's CPU time over its rounds.</summary>
    public TimeSpan ServerCpu { get; private set; }

    /// <summary>Server CPU milliseconds per export.</summary>
    public double ServerCpuMsPerExport => _samples.Count > 0 ? ServerCpu.TotalMilliseconds / _samples.Count : double.NaN;

    public long Bytes => _samples.Sum(s => s.Bytes);

    public long Pods => _samples.Sum(s => s.Lines);

    public double PodsPerSecond => Wall > TimeSpan.Zero ? Pods / Wall.TotalSeconds : double.NaN;

    public double MegabytesPerSecond => Wall > TimeSpan.Zero ? Bytes / 1e6 / Wall.TotalSeconds : double.NaN;

    /// <summary>Pods in one export (the last one), for the table.</summary>
    public long PodsPerExport => _samples.Count > 0 ? _samples[^1].Lines : 0;

    public double BytesPerExport => _samples.Count > 0 ? _samples.Average(s => (double)s.Bytes) : double.NaN;

    public double TtfbMs(double percentile) => Percentiles.Of([.. _samples.Select(s => s.TimeToFirstByte.TotalMilliseconds)], percentile);

    public double DurationMs(double percentile) => Percentiles.Of([.. _samples.Select(s => s.Duration.TotalMilliseconds)], percentile);

    public void AddRound(IReadOnlyList<ExportSample> samples, TimeSpan wall, TimeSpan serverCpu)
    {
        ServerCpu += serverCpu;
        foreach (var sample in samples)
        {
            if (sample.Status != 200)
            {
                throw new InvalidOperationException($"{Target} {Scenario}: an export returned HTTP {sample.Status}.");
            }
        }

        _samples.AddRange(samples);
        Wall += wall;
        Rounds++;
    }
}
