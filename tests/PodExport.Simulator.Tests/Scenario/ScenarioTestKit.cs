using Microsoft.Extensions.Time.Testing;
using PodExport.Simulator.Scenario;

namespace PodExport.Simulator.Tests.Scenario;

/// <summary>Builds engines on a fake clock fixed at a known instant.</summary>
public static class ScenarioTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A small cluster with every behaviour frequent enough to show within minutes.</summary>
    public static ScenarioOptions Busy(int seed = 7, int pods = 120) => new()
    {
        Seed = seed,
        Pods = pods,
        Nodes = 6,
        ChurnPerSecond = 10,
        RolloutsPerHour = 30,
        DrainsPerHour = 12,
        DrainMinutes = 5,
        CronJobIntervalMinutes = 2,
        CrashLoopFraction = 0.2,
        OomKillFraction = 0.1,
        DualStackFraction = 0.3,
        InitContainerFraction = 0.4,
        GracePeriodSeconds = 30,
    };

    public static (ScenarioEngine Engine, RecordingClusterWriter Writer, FakeTimeProvider Clock) Create(ScenarioOptions options)
    {
        var writer = new RecordingClusterWriter();
        var clock = new FakeTimeProvider(Start);
        return (new ScenarioEngine(writer, options, clock), writer, clock);
    }
}
