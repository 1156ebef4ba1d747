namespace PodExport.Benchmarks.Simulator;

/// <summary>What the simulator benchmark measured.</summary>
public sealed record SimulatorBenchmarkResult(
    int Pods,
    TimeSpan SeedTime,
    int Pages,
    TimeSpan PagedListTime,
    long EventsWritten,
    TimeSpan ChurnTime,
    double AchievedEventsPerSecond,
    IReadOnlyList<long> RawWatcherLines,
    long ClientWatcherEvents,
    bool ClientWatcherComplete,
    TimeSpan DrainTime)
{
    /// <summary>Every raw watcher saw every event, and the KubernetesClient watcher saw them in RV order without gaps.</summary>
    public bool NothingDropped => RawWatcherLines.All(n => n == EventsWritten) && ClientWatcherComplete;

    public override string ToString() =>
        $"seed {Pods} pods in {SeedTime.TotalSeconds:F1} s; paged list ({Pages} pages) in {PagedListTime.TotalSeconds:F2} s; " +
        $"{EventsWritten} events in {ChurnTime.TotalSeconds:F1} s = {AchievedEventsPerSecond:F0}/s to {RawWatcherLines.Count} raw watchers " +
        $"(min {RawWatcherLines.DefaultIfEmpty().Min()} lines) + 1 client watcher ({ClientWatcherEvents} events, complete={ClientWatcherComplete}); " +
        $"drained {DrainTime.TotalSeconds:F2} s after the writer; nothing dropped: {NothingDropped}";
}
