using System.Globalization;
using PodExport.Cluster.Informers;
using PodExport.Simulator.Faults;

namespace PodExport.Cluster.Tests.Informers;

/// <summary>The watch-endings table (kubernetes-api B.6) driven by the simulator's faults.</summary>
public sealed class ReflectorFaultTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Reflector_WatchErrorExpiredAfterCompaction_RelistsAtLastRvWithSyntheticDeletes()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        var store = harness.Simulator.Store;
        TestObjects.Seed(store, "shop", 3);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.StallAfterEvents) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 0 });
        var pods = InformerHarness.PodRecorder();
        var reflector = harness.StartPods(pods);
        await harness.Signals.WaitForAsync(0, ReflectorStep.WatchStarted);
        var listRv = reflector.LastSyncResourceVersion;
        var mark = harness.Signals.Mark;

        // Changes the stalled watch never delivers, then history compacted past the informer's RV.
        var lastState = store.Get<k8s.Models.V1Pod>("shop", "p001");
        store.Delete("Pod", "shop", "p001", graceful: false);
        store.Create(TestObjects.Pod("shop", "p100"));
        store.Compact(store.CurrentRV);
        harness.Fake!.Advance(Idle);
        await harness.Signals.WaitForAsync(mark, ReflectorStep.WatchEnded, nameof(WatchEnding.Expired));
        await harness.SkipWaitAsync(mark, "expired");
        await harness.Signals.WaitForAsync(mark, ReflectorStep.ListApplied, "expired");

        var relist = pods.Lists[^1];
        Assert.False(relist.Initial);
        var deleted = Assert.Single(relist.Changes, c => c.Type == ResourceEventType.Deleted);
        Assert.Equal("p001", deleted.Object.Metadata.Name);
        Assert.Equal(lastState!.Metadata.Uid, deleted.Object.Metadata.Uid);
        // The reflector keeps keys and UIDs only; the store deletes the state it holds (pod-model M-23).
        Assert.Equal(("shop", null, null), (deleted.Object.Metadata.NamespaceProperty, deleted.Object.Spec, deleted.Object.Status));
        Assert.Contains(relist.Changes, c => c.Type == ResourceEventType.Added && c.Object.Metadata.Name == "p100");
        Assert.Equal(["p000", "p002", "p100"], pods.State.Keys.Select(k => k.Name).Order());
        var request = harness.Requests("Pod", "list")[^1];
        Assert.Equal((listRv, null), (request.QueryValue("resourceVersion"), request.QueryValue("limit")));
    }

    [Fact]
    public async Task Reflector_WatchHttp410_BacksOffThenRelistsWithDeletesFromTheGap()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        var store = harness.Simulator.Store;
        TestObjects.Seed(store, "shop", 2);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.Watch, Resource = "Pod", StatusCode = 410 });
        var pods = InformerHarness.PodRecorder();
        harness.StartPods(pods);

        var wait = await harness.Signals.WaitForAsync(0, s => s.Step == ReflectorStep.Waiting, "the backoff");
        store.Delete("Pod", "shop", "p000", graceful: true);
        harness.Fake!.Advance(wait.Delay);
        await harness.Signals.WaitForAsync(0, ReflectorStep.ListApplied, "expired");

        Assert.Equal("expired", wait.Detail);
        Assert.InRange(wait.Delay.TotalSeconds, 0.8, 1.6);
        Assert.Equal(["p001"], pods.State.Keys.Select(k => k.Name));
        Assert.Contains(pods.Lists[^1].Changes, c => c.Type == ResourceEventType.Deleted && c.Object.Metadata.Name == "p000");
    }

    [Fact]
    public async Task Reflector_RelistAnswers410_ListsAgainAtNewestRv()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        TestObjects.Seed(harness.Simulator.Store, "shop", 2);
        var listRv = harness.Simulator.Store.CurrentRV.ToString(CultureInfo.InvariantCulture);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.WatchExpired) { Verb = FaultVerb.Watch, Resource = "Pod" });
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.List, Resource = "Pod", StatusCode = 410, ResourceVersion = listRv });
        var pods = InformerHarness.PodRecorder();
        harness.StartPods(pods);

        await harness.SkipWaitAsync(0, "expired");
        await harness.Signals.WaitForAsync(0, ReflectorStep.ListApplied, "expired");

        var lists = harness.Requests("Pod", "list");
        Assert.Equal(
            [("0", "500"), (listRv, null), ("", "500")],
            lists.Select(r => (r.QueryValue("resourceVersion"), r.QueryValue("limit"))));
        Assert.Equal(2, pods.State.Count);
    }

    [Fact]
    public async Task Reflector_ContinueTokenExpiredOnPageTwo_ListsOnceUnpaged()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 700);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.List, Resource = "Pod", StatusCode = 410, ResourceVersion = "" });
        var pods = InformerHarness.PodRecorder();

        var reflector = harness.StartPods(pods);
        await reflector.Synced.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(700, Assert.Single(pods.Lists).Changes.Count);
        var lists = harness.Requests("Pod", "list");
        Assert.Equal(3, lists.Count);
        Assert.NotNull(lists[1].QueryValue("continue"));
        Assert.Equal(("0", null, null), (lists[2].QueryValue("resourceVersion"), lists[2].QueryValue("limit"), lists[2].QueryValue("continue")));
    }

    [Fact]
    public async Task Reflector_ZeroEventCloseWithinOneSecond_BacksOffAndRelists()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        TestObjects.Seed(harness.Simulator.Store, "shop", 2);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.CloseWithZeroEvents) { Verb = FaultVerb.Watch, Resource = "Pod" });
        var pods = InformerHarness.PodRecorder();
        var reflector = harness.StartPods(pods);

        await harness.Signals.WaitForAsync(0, ReflectorStep.WatchEnded, nameof(WatchEnding.TooShort));
        await harness.SkipWaitAsync(0, "short_watch");
        await harness.Signals.WaitForAsync(0, ReflectorStep.ListApplied, "short_watch");

        var relist = harness.Requests("Pod", "list")[^1];
        Assert.Equal((reflector.LastSyncResourceVersion, null), (relist.QueryValue("resourceVersion"), relist.QueryValue("limit")));
    }

    [Fact]
    public async Task Reflector_ZeroEventCloseAfterOneSecond_TreatedAsEofAndRewatchesWithoutRelist()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        TestObjects.Seed(harness.Simulator.Store, "shop", 2);
        var pods = InformerHarness.PodRecorder();
        var reflector = harness.StartPods(pods);
        var first = await harness.Simulator.WaitForWatcher("Pod");
        var mark = harness.Signals.Mark;

        harness.Fake!.Advance(TimeSpan.FromSeconds(2));
        harness.Simulator.CloseWatchers(w => w.Id == first.Id);
        await harness.Signals.WaitForAsync(mark, ReflectorStep.WatchEnded, nameof(WatchEnding.Closed));
        await harness.Simulator.WaitForWatcher(w => w.Kind == "Pod" && w.Id != first.Id);

        Assert.DoesNotContain(harness.Signals.All.Skip(mark), s => s.Step is ReflectorStep.ListApplied or ReflectorStep.Waiting);
        Assert.Equal(reflector.LastSyncResourceVersion, harness.Requests("Pod", "watch")[^1].QueryValue("resourceVersion"));
    }

    [Fact]
    public async Task Reflector_StalledWatch_IdleWatchdogRewatchesFromLastRv()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.StallAfterEvents) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 0 });
        var pods = InformerHarness.PodRecorder();
        var reflector = harness.StartPods(pods);
        await harness.Signals.WaitForAsync(0, ReflectorStep.WatchStarted);
        var stalled = await harness.Simulator.WaitForWatcher("Pod");
        var mark = harness.Signals.Mark;

        harness.Fake!.Advance(Idle - TimeSpan.FromSeconds(1));
        harness.Simulator.Store.Create(TestObjects.Pod("shop", "late"));
        harness.Fake.Advance(TimeSpan.FromSeconds(1));
        await harness.Signals.WaitForAsync(mark, ReflectorStep.WatchEnded, nameof(WatchEnding.Idle));
        await pods.WaitForStateAsync(s => s.ContainsKey(new ObjectKey("shop", "late")), "the event the stalled watch held back");

        Assert.Equal(["WatchEnded:Idle", "WatchStarted:" + stalled.RequestedResourceVersion], harness.Signals.All.Skip(mark).Take(2).Select(s => $"{s.Step}:{s.Detail}"));
        Assert.Single(pods.Lists);
        Assert.NotEqual(PodExport.Simulator.Api.RequestEnding.Running, harness.Requests("Pod", "watch")[0].Ending);
        Assert.NotNull(reflector.LastSyncResourceVersion);
    }

    [Fact]
    public async Task Reflector_ServerKeepsWatchPastTimeout_DeadlineRewatches()
    {
        var options = new InformerOptions { MinWatchTimeoutSeconds = 10, MaxWatchTimeoutSeconds = 10, IdleTimeoutSeconds = 1000 };
        await using var harness = await InformerHarness.StartAsync(fakeTime: true, options: options);
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        var reflector = harness.StartPods(InformerHarness.PodRecorder());
        await harness.Signals.WaitForAsync(0, ReflectorStep.WatchStarted);
        var first = await harness.Simulator.WaitForWatcher("Pod");
        var mark = harness.Signals.Mark;

        // The simulator runs on real time and will not end the 10 s watch during the test: only the deadline can.
        harness.Fake!.Advance(TimeSpan.FromSeconds(39));
        Assert.DoesNotContain(harness.Signals.All.Skip(mark), s => s.Step == ReflectorStep.WatchEnded);
        harness.Fake.Advance(TimeSpan.FromSeconds(1));
        await harness.Signals.WaitForAsync(mark, ReflectorStep.WatchEnded, nameof(WatchEnding.Idle));
        await harness.Simulator.WaitForWatcher(w => w.Kind == "Pod" && w.Id != first.Id);

        Assert.Equal(reflector.LastSyncResourceVersion, harness.Requests("Pod", "watch")[^1].QueryValue("resourceVersion"));
    }

    [Fact]
    public async Task Reflector_Watch429WithRetryAfter_WaitsAtLeastThatLongThenRewatches()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.Watch, Resource = "Pod", StatusCode = 429, RetryAfterSeconds = 7 });
        var pods = InformerHarness.PodRecorder();
        var reflector = harness.StartPods(pods);

        var wait = await harness.SkipWaitAsync(0, "refused");
        await harness.Simulator.WaitForWatcher("Pod");

        Assert.True(wait.Delay >= TimeSpan.FromSeconds(7), $"waited {wait.Delay}");
        Assert.Single(pods.Lists);
        Assert.Equal(2, harness.Requests("Pod", "watch").Count);
        Assert.Equal(reflector.LastSyncResourceVersion, harness.Requests("Pod", "watch")[^1].QueryValue("resourceVersion"));
    }

    [Fact]
    public async Task Reflector_List429WithRetryAfter_WaitsAtLeastThatLong()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.List, Resource = "Pod", StatusCode = 429, RetryAfterSeconds = 5 });
        var reflector = harness.StartPods(InformerHarness.PodRecorder());

        var wait = await harness.SkipWaitAsync(0, "list");
        await reflector.Synced.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(wait.Delay >= TimeSpan.FromSeconds(5), $"waited {wait.Delay}");
    }

    [Fact]
    public async Task Reflector_Watch503_BacksOffThenRelists()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.Watch, Resource = "Pod", StatusCode = 503 });
        var pods = InformerHarness.PodRecorder();
        harness.StartPods(pods);

        var wait = await harness.SkipWaitAsync(0, "status");
        await harness.Signals.WaitForAsync(0, ReflectorStep.ListApplied, "error");

        Assert.InRange(wait.Delay.TotalSeconds, 0.8, 1.6);
        Assert.Equal(2, pods.Lists.Count);
    }

    [Fact]
    public async Task Reflector_InitialList500_BacksOffAndRetries()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.List, Resource = "Pod", StatusCode = 500, Times = 2 });
        var reflector = harness.StartPods(InformerHarness.PodRecorder());

        var first = await harness.Signals.WaitForEntryAsync(0, s => s.Step == ReflectorStep.Waiting, "first backoff");
        harness.Fake!.Advance(first.Signal.Delay);
        var second = await harness.Signals.WaitForAsync(first.Index + 1, s => s.Step == ReflectorStep.Waiting, "second backoff");
        harness.Fake.Advance(second.Delay);
        await reflector.Synced.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(first.Signal.Delay.TotalSeconds, 0.8, 1.6);
        Assert.InRange(second.Delay.TotalSeconds, 1.6, 3.2);
        Assert.Null(reflector.DisconnectedSince);
    }

    [Fact]
    public async Task Reflector_WatchKeepsFailingWithInternalError_RewatchesForThirtySecondsThenRelists()
    {
        await using var harness = await InformerHarness.StartAsync(fakeTime: true);
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.WatchInternalError) { Verb = FaultVerb.Watch, Resource = "Pod", Times = 0 });
        var pods = InformerHarness.PodRecorder();
        harness.StartPods(pods);
        await harness.Signals.WaitForAsync(0, ReflectorStep.ListApplied, "initial");

        var delays = new List<TimeSpan>();
        var from = 0;
        while (true)
        {
            var (next, index) = await harness.Signals.WaitForEntryAsync(
                from, s => s.Step == ReflectorStep.Waiting || (s.Step == ReflectorStep.ListApplied && s.Detail == "error"), "a wait or the relist");
            if (next.Step == ReflectorStep.ListApplied)
            {
                break;
            }

            harness.Fake!.Advance(next.Delay);
            delays.Add(next.Delay);
            from = index + 1;
        }

        // The ending that gave up came after ≥ 30 s of failures; the one before it, within the window.
        var failingBeforeLast = delays.SkipLast(1).Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.True(failingBeforeLast >= TimeSpan.FromSeconds(30), $"gave up after {failingBeforeLast}");
        Assert.True(failingBeforeLast - delays[^2] < TimeSpan.FromSeconds(30), $"kept re-watching until {failingBeforeLast}");
        Assert.InRange(harness.Requests("Pod", "watch").Count(r => r.Fault is not null), 4, 12);
        Assert.Equal(2, pods.Lists.Count);
    }

    [Fact]
    public async Task Reflector_MalformedLine_RewatchesFromLastRvWithoutLosingEvents()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.MalformedLine) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 1 });
        var pods = InformerHarness.PodRecorder();
        harness.StartPods(pods);
        await harness.Simulator.WaitForWatcher("Pod");
        var mark = harness.Signals.Mark;

        var firstRv = harness.Simulator.Store.Create(TestObjects.Pod("shop", "a"));
        harness.Simulator.Store.Create(TestObjects.Pod("shop", "b"));
        await harness.Signals.WaitForAsync(mark, ReflectorStep.WatchEnded, nameof(WatchEnding.Decode));
        await pods.WaitForStateAsync(s => s.ContainsKey(new ObjectKey("shop", "b")), "shop/b");

        Assert.Contains(pods.Events, e => e.Object.Metadata.Name == "a");
        Assert.Single(pods.Lists);
        Assert.Equal(firstRv.ToString(CultureInfo.InvariantCulture), harness.Requests("Pod", "watch")[1].QueryValue("resourceVersion"));
    }

    [Fact]
    public async Task Reflector_ConnectionResetMidLine_ResumesFromLastRvWithoutRelist()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 1);
        harness.Simulator.Faults.Add(new FaultRule(FaultKind.AbortMidLine) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 1 });
        var pods = InformerHarness.PodRecorder();
        harness.StartPods(pods);
        await harness.Simulator.WaitForWatcher("Pod");

        var firstRv = harness.Simulator.Store.Create(TestObjects.Pod("shop", "a"));

        // Let "a" reach the client first: a reset right behind it may discard it unread on the client's side.
        await pods.WaitForStateAsync(s => s.ContainsKey(new ObjectKey("shop", "a")), "shop/a");
        harness.Simulator.Store.Create(TestObjects.Pod("shop", "b"));
        await pods.WaitForStateAsync(s => s.ContainsKey(new ObjectKey("shop", "b")), "shop/b");

        Assert.Single(pods.Lists);
        Assert.Equal(["a", "b"], pods.Events.Select(e => e.Object.Metadata.Name));
        Assert.Equal(firstRv.ToString(CultureInfo.InvariantCulture), harness.Requests("Pod", "watch")[1].QueryValue("resourceVersion"));
    }

    [Fact]
    public async Task Reflector_SimulatorRestartsOnSamePort_Recovers()
    {
        await using var harness = await InformerHarness.StartAsync();
        TestObjects.Seed(harness.Simulator.Store, "shop", 2);
        var pods = InformerHarness.PodRecorder();
        var reflector = harness.StartPods(pods);
        await harness.Simulator.WaitForWatcher("Pod");
        var port = harness.Simulator.Port;

        await harness.Simulator.StopListenerAsync();
        harness.Simulator.Store.Delete("Pod", "shop", "p000", graceful: false);
        harness.Simulator.Store.Create(TestObjects.Pod("shop", "while-down"));
        await harness.Simulator.RestartAsync();
        await pods.WaitForStateAsync(s => s.ContainsKey(new ObjectKey("shop", "while-down")) && !s.ContainsKey(new ObjectKey("shop", "p000")), "the changes made while down");

        Assert.Equal(port, harness.Simulator.Port);
        Assert.Equal(2, pods.State.Count);
        Assert.Null(reflector.DisconnectedSince);
    }
}
