namespace PodExport.Benchmarks.Simulator;

/// <summary>Parameters of the simulator throughput benchmark (kubernetes-api D.1 "Simulator benchmark").</summary>
public sealed class SimulatorBenchmarkOptions
{
    public int Pods { get; set; } = 100_000;

    public int PageSize { get; set; } = 500;

    public int RawWatchers { get; set; } = 20;

    public int EventsPerSecond { get; set; } = 5_000;

    public TimeSpan ChurnDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long watchers may lag behind the writer at the end before events count as dropped.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
