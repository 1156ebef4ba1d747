using k8s.Models;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Workloads;
using PodExport.Simulator.Faults;

namespace PodExport.Cluster.Tests.Informers;

public sealed class InformerSetTests
{
    [Fact]
    public async Task InformerSet_Start_AppliesEveryOwnerInitialListBeforeThePodList()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 3);
        harness.Simulator.Store.Create(TestObjects.Deployment("shop", "web"));
        // A slow owner kind must hold the pods back (pod-model M-2).
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.Delay) { Verb = FaultVerb.List, Resource = "CronJob", Delay = TimeSpan.FromMilliseconds(300) });
        var order = new List<string>();
        var owners = new Dictionary<string, RecordingHandler<OwnerObject>>();
        var pods = InformerHarness.PodRecorder();
        pods.OnCall = () => { lock (order) { order.Add("Pod"); } };
        var informers = new InformerSet(harness.Context, pods, kind =>
        {
            var recorder = InformerHarness.OwnerRecorder();
            recorder.OnCall = () => { lock (order) { order.Add(kind); } };
            owners[kind] = recorder;
            return recorder;
        });

        harness.Run(informers);
        Assert.False(informers.IsSynced);
        await informers.Synced.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(informers.IsSynced);
        Assert.Equal(7, owners.Count);
        Assert.All(owners.Values, o => Assert.True(Assert.Single(o.Lists).Initial));
        Assert.Equal("Pod", order[^1]);
        Assert.Equal(7, order.Distinct().Count(k => k != "Pod"));
        Assert.Single(harness.Requests("Pod", "list"));
        Assert.All(informers.GetStatus(), s => Assert.True(s.Synced));
        Assert.Equal("web", Assert.Single(owners["Deployment"].State.Values).Name);
    }

    [Fact]
    public async Task InformerSet_DisconnectedLongerThanThreshold_ReportsDegradedThenRecovers()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true, options: new InformerOptions { DegradedAfterSeconds = 60 });
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        var informers = new InformerSet(harness.Context, InformerHarness.PodRecorder(), InformerHarness.OwnerRecorder(), ownerKinds: [ResourceDefinitions.ReplicaSets]);
        var health = new InformerHealth(informers);
        harness.Run(informers);
        await informers.Synced.WaitAsync(TimeSpan.FromSeconds(10));
        await harness.Simulator.WaitForWatcher("Pod");
        await harness.Simulator.WaitForWatcher("ReplicaSet");
        var mark = harness.Signals.Mark;

        await harness.Simulator.StopListenerAsync();
        await harness.Signals.WaitForAsync(mark, s => s.Step == ReflectorStep.Waiting && s.Kind == "Pod", "the pod backoff");
        await harness.Signals.WaitForAsync(mark, s => s.Step == ReflectorStep.Waiting && s.Kind == "ReplicaSet", "the owner backoff");
        harness.Fake!.Advance(TimeSpan.FromSeconds(59));
        var before = health.DegradedKinds;
        harness.Fake.Advance(TimeSpan.FromSeconds(2));
        var after = health.DegradedKinds;

        Assert.Empty(before);
        Assert.Equal(["ReplicaSet", "Pod"], after);
        Assert.All(informers.GetStatus(), s => Assert.True(s.Degraded && s.Synced));

        await harness.Simulator.RestartAsync();
        var recovered = harness.Signals.Mark;
        for (var attempt = 0; attempt < 5 && health.DegradedKinds.Count > 0; attempt++)
        {
            harness.Fake.Advance(TimeSpan.FromSeconds(61));
            try
            {
                await harness.Signals.WaitForAsync(recovered, s => s.Step == ReflectorStep.ListApplied && s.Kind == "Pod", "pod relist", TimeSpan.FromSeconds(2));
                await harness.Signals.WaitForAsync(recovered, s => s.Step == ReflectorStep.ListApplied && s.Kind == "ReplicaSet", "owner relist", TimeSpan.FromSeconds(2));
            }
            catch (TimeoutException)
            {
                // A retry refused just before the restart started a new backoff: move time again.
            }
        }

        Assert.Empty(health.DegradedKinds);
    }

    [Fact]
    public async Task InformerSet_Namespaces_RunsOneReflectorPerNamespaceAndKind()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 2);
        TestObjects.Seed(harness.Simulator.Store, "web", 1);
        TestObjects.Seed(harness.Simulator.Store, "other", 4);
        var pods = InformerHarness.PodRecorder();
        var informers = new InformerSet(harness.Context, pods, InformerHarness.OwnerRecorder(), ["shop", "web"]);

        harness.Run(informers);
        await informers.Synced.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["shop", "shop", "web"], pods.State.Keys.Select(k => k.Namespace).Order());
        Assert.Equal(2, pods.Lists.Count(l => l.Initial));
        Assert.DoesNotContain(harness.Simulator.Requests.Snapshot(), r => r.Verb is "list" or "watch" && !r.Path.Contains("/namespaces/", StringComparison.Ordinal));
    }

    [Fact]
    public void InformerSet_Status_IsReadBySyncedAndDegradedGauges()
    {
        using var meters = new TestMeterFactory();
        var metrics = new InformerMetrics(meters);
        var status = new[] { new KindStatus("Pod", true, null, false), new KindStatus("Job", false, DateTimeOffset.UnixEpoch, true) };
        metrics.ObserveStatus(() => status);
        var seen = new List<(string Instrument, int Value, string Kind)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => seen.Add((instrument.Name, value, (string)tags[0].Value!)));
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Contains(("podexport.informer.synced.ratio", 1, "Pod"), seen);
        Assert.Contains(("podexport.informer.synced.ratio", 0, "Job"), seen);
        Assert.Contains(("podexport.informer.degraded", 1, "Job"), seen);
        Assert.Contains(("podexport.informer.degraded", 0, "Pod"), seen);
    }
}
