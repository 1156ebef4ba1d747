using System.ComponentModel.DataAnnotations;
using System.Text;
using k8s.Models;
using PodExport.Simulator.Scenario;

namespace PodExport.Simulator.Tests.Scenario;

public sealed class ScenarioEngineTests
{
    private const string RegenerateSwitch = "PODEXPORT_REGENERATE_GOLDEN";

    private static string RunGoldenScenario(int seed)
    {
        var options = ScenarioTestKit.Busy(seed, pods: 40);
        options.Nodes = 5;
        options.ChurnPerSecond = 4;
        var (engine, writer, _) = ScenarioTestKit.Create(options);
        engine.Seed();
        engine.RunFor(TimeSpan.FromMinutes(4));
        return EventFormatter.Format(writer.Events);
    }

    [Fact]
    public void ScenarioEngine_SameSeedAndOptions_MatchesGoldenFile()
    {
        var actual = RunGoldenScenario(seed: 7);
        var golden = Path.Combine(AppContext.BaseDirectory, "testassets", "scenario", "seed7.events.txt");
        if (Environment.GetEnvironmentVariable(RegenerateSwitch) == "1")
        {
            var source = Path.Combine(SourceDirectory(), "..", "testassets", "scenario", "seed7.events.txt");
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(golden), $"Golden file missing; run the tests once with {RegenerateSwitch}=1.");
        var expected = File.ReadAllText(golden);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ScenarioEngine_SeededPodShapes_MatchGoldenFile()
    {
        // One pod per creator (each owner kind, kubectl, the kubelet), in full: the realistic spec, status and managed
        // fields are deterministic too. Regenerate with the same switch when a shape changes on purpose.
        var options = ScenarioTestKit.Busy(seed: 7, pods: 40);
        options.Nodes = 5;
        var (engine, writer, _) = ScenarioTestKit.Create(options);
        engine.Seed();
        var pods = writer.Objects.OfType<V1Pod>()
            .GroupBy(p => p.Metadata.OwnerReferences?[0].Kind ?? p.Metadata.ManagedFields[0].Manager)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).First());
        var actual = string.Concat(pods.Select(p => Indented(k8s.KubernetesJson.Serialize(p)) + "\n"));
        var golden = Path.Combine(AppContext.BaseDirectory, "testassets", "scenario", "seed7.pods.json");
        if (Environment.GetEnvironmentVariable(RegenerateSwitch) == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "..", "testassets", "scenario", "seed7.pods.json"), actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(golden), $"Golden file missing; run the tests once with {RegenerateSwitch}=1.");
        Assert.Equal(File.ReadAllText(golden), actual);
    }

    /// <summary>Indented, with the API server's escaping (k:{\"name\":\"app\"}), so that a regenerated golden diffs readably.</summary>
    private static string Indented(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return System.Text.Json.JsonSerializer.Serialize(document.RootElement, IndentedOptions);
    }

    private static readonly System.Text.Json.JsonSerializerOptions IndentedOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void ScenarioEngine_SameSeedTwice_WritesIdenticalObjects()
    {
        static List<string> Run()
        {
            var (engine, writer, _) = ScenarioTestKit.Create(ScenarioTestKit.Busy(seed: 11, pods: 60));
            engine.Seed();
            engine.RunFor(TimeSpan.FromMinutes(2));
            return [.. writer.Events.Select(e => $"{e.Type} {k8s.KubernetesJson.Serialize(e.Object)}")];
        }

        var first = Run();
        var second = Run();
        Assert.True(first.Count > 500, $"only {first.Count} events");
        Assert.Equal(first, second);
    }

    [Fact]
    public void ScenarioEngine_DifferentSeed_WritesDifferentEvents()
    {
        Assert.NotEqual(RunGoldenScenario(seed: 7), RunGoldenScenario(seed: 8));
    }

    [Fact]
    public void ScenarioEngine_EveryWrite_IsANewObject()
    {
        // The store stamps resourceVersion on what it is given and may keep it: a reused object would rewrite history.
        var (engine, writer, _) = ScenarioTestKit.Create(ScenarioTestKit.Busy(pods: 60));
        engine.Seed();
        engine.RunFor(TimeSpan.FromMinutes(5));
        var stale = writer.Events.Where(e => e.Type != "DELETED" && e.Object.Metadata.ResourceVersion != e.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(stale);
    }

    [Fact]
    public void Seed_HundredThousandPods_CreatesThemRunning()
    {
        // Counts instead of keeping 100 000 pods: the recording writer would hold a few hundred MB.
        var writer = new CountingWriter();
        var engine = new ScenarioEngine(writer, new ScenarioOptions { Seed = 1, Pods = 100_000 }, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ScenarioTestKit.Start));
        engine.Seed();
        Assert.InRange(writer.Pods, 95_000, 105_000);
        Assert.True(writer.Running > 0.97 * writer.Pods, $"{writer.Running} of {writer.Pods} running");
        Assert.Equal(0, writer.Other);
    }

    private sealed class CountingWriter : PodExport.Simulator.State.IClusterWriter
    {
        private long _rv;

        public int Pods { get; private set; }

        public int Running { get; private set; }

        public int Other { get; private set; }

        public long Create(k8s.IKubernetesObject<V1ObjectMeta> obj)
        {
            if (obj is V1Pod pod)
            {
                Pods++;
                Running += pod.Status.Phase == "Running" ? 1 : 0;
            }

            return ++_rv;
        }

        public long Update(k8s.IKubernetesObject<V1ObjectMeta> obj)
        {
            Other++;
            return ++_rv;
        }

        public long Delete(string kind, string? @namespace, string name, bool graceful)
        {
            Other++;
            return ++_rv;
        }
    }

    [Fact]
    public void Seed_Twice_Throws()
    {
        var (engine, _, _) = ScenarioTestKit.Create(new ScenarioOptions { Pods = 10 });
        engine.Seed();
        Assert.Throws<InvalidOperationException>(engine.Seed);
    }

    [Fact]
    public void Seed_SmallCluster_HasSystemObjectsAndRoughlyThePodCount()
    {
        var (engine, writer, _) = ScenarioTestKit.Create(new ScenarioOptions { Seed = 3, Pods = 500 });
        engine.Seed();
        var objects = writer.Objects;
        var pods = objects.OfType<V1Pod>().ToList();
        Assert.InRange(pods.Count, 480, 520);
        Assert.Contains(objects.OfType<V1Namespace>(), n => n.Metadata.Name == "kube-system");
        Assert.Contains(pods, p => p.Metadata.Name.StartsWith("kube-apiserver-cp-", StringComparison.Ordinal)
            && p.Metadata.NamespaceProperty == "kube-system" && p.Metadata.Labels["component"] == "kube-apiserver");
        Assert.Contains(pods, p => p.Metadata.Labels.TryGetValue("k8s-app", out var app) && app == "kube-dns");
        Assert.NotEmpty(objects.OfType<V1Deployment>());
        Assert.NotEmpty(objects.OfType<V1StatefulSet>());
        Assert.NotEmpty(objects.OfType<V1ReplicationController>());
        Assert.NotEmpty(objects.OfType<V1CronJob>());
        Assert.NotEmpty(objects.OfType<V1Job>());
    }

    [Fact]
    public void Options_OutOfRange_FailValidation()
    {
        Assert.Throws<ValidationException>(() => ScenarioTestKit.Create(new ScenarioOptions { Pods = -1 }));
        Assert.Throws<ValidationException>(() => ScenarioTestKit.Create(new ScenarioOptions { CrashLoopFraction = 2 }));
    }

    [Fact]
    public void RunFor_TenMinutes_ProducesRoughlyTheChurnRate()
    {
        var options = new ScenarioOptions { Seed = 5, Pods = 500, ChurnPerSecond = 20 };
        var (engine, writer, _) = ScenarioTestKit.Create(options);
        engine.Seed();
        var seeded = writer.EventCount;
        engine.RunFor(TimeSpan.FromMinutes(1));
        var firstMinute = (writer.EventCount - seeded) / 60.0;
        engine.RunFor(TimeSpan.FromMinutes(9));
        var rate = (writer.EventCount - seeded) / 600.0;
        Assert.InRange(firstMinute, 10, 40);
        Assert.InRange(rate, 10, 40);
    }

    [Fact]
    public async Task RunAsync_FakeClockAdvances_WritesEventsAndStopsOnCancel()
    {
        var (engine, writer, clock) = ScenarioTestKit.Create(new ScenarioOptions { Seed = 9, Pods = 50, ChurnPerSecond = 20 });
        using var cts = new CancellationTokenSource();
        var run = engine.RunAsync(cts.Token);
        var seeded = writer.EventCount;
        Assert.True(seeded > 50);
        // At most two virtual minutes, but as much wall time as the engine's thread-pool loop needs to catch up with
        // them (up to 10 s): on a loaded machine a fixed number of yields can outrun it.
        var wall = System.Diagnostics.Stopwatch.StartNew();
        while (writer.EventCount < seeded + 100 && wall.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (clock.GetUtcNow() - ScenarioTestKit.Start < TimeSpan.FromMinutes(2))
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }

            await Task.Yield();
        }

        Assert.True(writer.EventCount >= seeded + 100, $"{writer.EventCount - seeded} events after 2 virtual minutes");
        Assert.True(engine.VirtualNow > ScenarioTestKit.Start);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_ZeroChurn_HoldsStill()
    {
        var (engine, writer, clock) = ScenarioTestKit.Create(new ScenarioOptions { Seed = 9, Pods = 50, ChurnPerSecond = 0 });
        using var cts = new CancellationTokenSource();
        var run = engine.RunAsync(cts.Token);
        var seeded = writer.EventCount;
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(seeded, writer.EventCount);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_Speed_ScalesVirtualTime()
    {
        var (engine, _, clock) = ScenarioTestKit.Create(new ScenarioOptions { Seed = 9, Pods = 20, ChurnPerSecond = 1, Speed = 60 });
        using var cts = new CancellationTokenSource();
        var run = engine.RunAsync(cts.Token);

        // The engine sleeps on the fake clock, and an advance made before it set its next timer is not seen; so the
        // clock moves a second at a time, each once the engine has caught up with the last (or 200 ms of wall time
        // passed), for at most 20 fake seconds: at speed 60 that is 20 virtual minutes, at speed 1 only 20 s.
        var wall = System.Diagnostics.Stopwatch.StartNew();
        var target = ScenarioTestKit.Start + TimeSpan.FromMinutes(9);
        while (engine.VirtualNow < target && clock.GetUtcNow() - ScenarioTestKit.Start < TimeSpan.FromSeconds(20) && wall.Elapsed < TimeSpan.FromSeconds(10))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var step = System.Diagnostics.Stopwatch.StartNew();
            var expected = ScenarioTestKit.Start + ((clock.GetUtcNow() - ScenarioTestKit.Start) * 60);
            while (engine.VirtualNow < expected && step.Elapsed < TimeSpan.FromMilliseconds(200))
            {
                await Task.Delay(5);
            }
        }

        var fakeElapsed = clock.GetUtcNow() - ScenarioTestKit.Start;
        Assert.True(engine.VirtualNow >= target, $"virtual time {engine.VirtualNow} after {fakeElapsed} on the clock");
        Assert.True(engine.VirtualNow - ScenarioTestKit.Start <= fakeElapsed * 60, $"virtual time {engine.VirtualNow} ran ahead of {fakeElapsed} × 60");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void RunFor_PodDeletedThroughTheApi_IsReplacedByItsController()
    {
        var options = new ScenarioOptions { Seed = 4, Pods = 60, ChurnPerSecond = 0.01, CrashLoopFraction = 1, RolloutsPerHour = 0, DrainsPerHour = 0 };
        var (engine, writer, _) = ScenarioTestKit.Create(options);
        engine.Seed();
        var victim = writer.Objects.OfType<V1Pod>().First(p => p.Metadata.OwnerReferences?.Single().Kind == "ReplicaSet" && p.Metadata.NamespaceProperty != "kube-system");
        var owner = victim.Metadata.OwnerReferences[0].Uid;
        int Owned() => writer.Objects.OfType<V1Pod>().Count(p => p.Metadata.OwnerReferences?.Single().Uid == owner);
        var before = Owned();

        writer.Delete("Pod", victim.Metadata.NamespaceProperty, victim.Metadata.Name, graceful: true);
        engine.RunFor(TimeSpan.FromMinutes(10));

        Assert.True(engine.WriteFailures >= 1);
        Assert.Equal(before, Owned());
        Assert.Null(writer.Get("Pod", victim.Metadata.NamespaceProperty, victim.Metadata.Name));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
