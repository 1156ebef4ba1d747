using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Store;
using PodExport.Simulator.Faults;
using PodExport.Simulator.Hosting;

namespace PodExport.Cluster.Tests.Informers;

/// <summary>The informers wired to the real pod store through DI, against the simulator, with faults on the way.</summary>
public sealed class InformerStoreConvergenceTests
{
    [Fact]
    public async Task InformersWithStore_ChurnUnderFaultsAndRestart_StoreEqualsGroundTruth()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0, DefaultWatchTimeout = TimeSpan.FromMinutes(5) });
        var store = simulator.Store;
        store.Create(TestObjects.Namespace("shop"));
        var deploymentRv = store.Create(TestObjects.Deployment("shop", "web"));
        var deployment = store.Get<V1Deployment>("shop", "web")!;
        store.Create(TestObjects.ReplicaSet("shop", "web-abc", "web", deployment.Metadata.Uid));
        var replicaSet = store.Get<V1ReplicaSet>("shop", "web-abc")!;
        for (var i = 0; i < 20; i++)
        {
            store.Create(Owned(TestObjects.Pod("shop", $"web-abc-{i:D3}"), replicaSet));
        }

        TestObjects.Seed(store, "solo", 5);
        var signals = new SignalLog();
        var pods = InformerHarness.PodRecorder();
        await using var provider = Services(simulator, signals, pods).BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            var podStore = provider.GetRequiredService<PodStore>();
            await pods.WaitForAsync(_ => podStore.IsSynced, "the store's initial sync");
            Assert.Equal(store.ClusterUid, provider.GetRequiredService<ClusterIdentity>().Id);
            AssertMatches(simulator, podStore);
            Assert.All(
                podStore.TakeSnapshot().Pods.Where(p => p.Namespace == "shop"),
                p => Assert.Equal(deployment.Metadata.Uid, p.Pod.DeploymentId));

            // Every kind of watch trouble, while the cluster keeps changing.
            FaultRule[] faults =
            [
                new(FaultKind.AbortMidLine) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 2 },
                new(FaultKind.WatchExpired) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 3 },
                new(FaultKind.HttpStatus) { Verb = FaultVerb.Watch, Resource = "Pod", StatusCode = 410 },
                new(FaultKind.MalformedLine) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 1 },
                new(FaultKind.HttpStatus) { Verb = FaultVerb.Watch, Resource = "Pod", StatusCode = 429, RetryAfterSeconds = 0 },
                new(FaultKind.HttpStatus) { Verb = FaultVerb.List, Resource = "Pod", StatusCode = 503 },
                new(FaultKind.WatchInternalError) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 1 },
                new(FaultKind.CloseWithZeroEvents) { Verb = FaultVerb.Watch, Resource = "Pod" },
                new(FaultKind.StallAfterEvents) { Verb = FaultVerb.Watch, Resource = "Pod", AfterEvents = 1 },
            ];
            foreach (var fault in faults)
            {
                simulator.Faults.Add(fault);
            }

            for (var round = 0; round < 6; round++)
            {
                store.Create(TestObjects.Pod("solo", $"r{round}"));
                store.Delete("Pod", "shop", $"web-abc-{round:D3}", graceful: round % 2 == 0);
                store.Create(Owned(TestObjects.Pod("shop", $"web-abc-{100 + round}"), replicaSet));
                var changed = store.Get<V1Pod>("solo", "p000")!;
                changed.Metadata.Labels["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture);
                store.Update(changed);
                if (round == 3)
                {
                    await simulator.StopListenerAsync();
                    store.Delete("Pod", "solo", "p001", graceful: false);
                    store.Compact(store.CurrentRV);
                    await simulator.RestartAsync();
                }

                await signals.WaitForAsync(signals.Mark, s => s.Kind == "Pod" && s.Step == ReflectorStep.WatchStarted, "the next pod watch");
            }

            simulator.Faults.Clear();
            store.Create(TestObjects.Pod("solo", "last"));
            await pods.WaitForAsync(_ => Matches(simulator, podStore), "the store to equal the simulator's pods");
            Assert.True(deploymentRv > 0);
            Assert.Contains(simulator.Requests.Snapshot(), r => r.Fault is not null && r.Verb == "watch");
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    private static ServiceCollection Services(SimulatorHost simulator, SignalLog signals, RecordingHandler<V1Pod> pods)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cluster:Host"] = simulator.BaseAddress.ToString(),
            ["Cluster:Name"] = "test",
            ["Informer:IdleTimeoutSeconds"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddPodExportStore(configuration);
        services.AddPodExportInformers(configuration);

        // Seen after the store (handlers run in registration order): a change to wait on.
        services.AddSingleton<IResourceEventHandler<V1Pod>>(pods);

        // Millisecond backoff and the test observer; everything else as registered.
        services.AddSingleton(sp => new ReflectorContext
        {
            Client = sp.GetRequiredService<k8s.IKubernetes>(),
            Options = new InformerOptions { IdleTimeoutSeconds = 1 },
            Time = TimeProvider.System,
            Random = new Random(3),
            Metrics = sp.GetRequiredService<InformerMetrics>(),
            Logger = NullLogger.Instance,
            Backoff = new BackoffPolicy { Initial = TimeSpan.FromMilliseconds(5), Cap = TimeSpan.FromMilliseconds(40) },
            Observer = signals.Add,
        });
        return services;
    }

    private static V1Pod Owned(V1Pod pod, V1ReplicaSet owner)
    {
        pod.Metadata.OwnerReferences =
        [
            new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = owner.Metadata.Name, Uid = owner.Metadata.Uid, Controller = true, BlockOwnerDeletion = true },
        ];
        return pod;
    }

    private static IEnumerable<(string Namespace, string Name, string Uid)> Truth(SimulatorHost simulator) =>
        simulator.Store.List<V1Pod>()
            .Select(p => (p.Metadata.NamespaceProperty, p.Metadata.Name, p.Metadata.Uid))
            .Order();

    private static IEnumerable<(string Namespace, string Name, string Uid)> Held(PodStore store) =>
        store.TakeSnapshot().Pods.Where(p => !p.Attributes.Deleted)
            .Select(p => (p.Namespace, p.Name, p.Attributes.PodUid))
            .Order();

    private static bool Matches(SimulatorHost simulator, PodStore store) => Truth(simulator).SequenceEqual(Held(store));

    private static void AssertMatches(SimulatorHost simulator, PodStore store) => Assert.Equal(Truth(simulator), Held(store));
}
