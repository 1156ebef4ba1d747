using k8s.Models;
using PodExport.Simulator.Scenario;

namespace PodExport.Simulator.Tests.Scenario;

/// <summary>One busy scenario, seeded and run for 30 virtual minutes, shared by the behaviour tests.</summary>
public sealed class BusyScenarioFixture
{
    public BusyScenarioFixture()
    {
        var (engine, writer, _) = ScenarioTestKit.Create(ScenarioTestKit.Busy());
        engine.Seed();
        SeedResourceVersion = writer.EventCount;
        engine.RunFor(TimeSpan.FromMinutes(30));
        Engine = engine;
        Writer = writer;
        Events = writer.Events;
        PodEvents = [.. Events.Where(e => e.Object is V1Pod).Select(e => (e, (V1Pod)e.Object))];
    }

    public ScenarioEngine Engine { get; }

    public RecordingClusterWriter Writer { get; }

    public IReadOnlyList<RecordedEvent> Events { get; }

    public IReadOnlyList<(RecordedEvent Event, V1Pod Pod)> PodEvents { get; }

    /// <summary>Events up to this RV came from Seed().</summary>
    public long SeedResourceVersion { get; }

    public IEnumerable<V1ContainerStatus> Statuses(V1Pod pod) =>
        (pod.Status.ContainerStatuses ?? []).Concat(pod.Status.InitContainerStatuses ?? []);
}
