using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PodExport.Cluster.Connection;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Informers;
using PodExport.Simulator.Faults;
using PodExport.Simulator.Hosting;

namespace PodExport.Cluster.Tests.Informers;

public sealed class InformerHostedServiceTests
{
    [Fact]
    public async Task Start_NoClusterIdAndKubeSystemForbidden_FailsStartUpSayingWhatToDo()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0 });
        simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.Any, PathContains = "/namespaces/kube-system", StatusCode = 403 });
        await using var provider = Build(new() { ["Cluster:Host"] = simulator.BaseAddress.ToString() });

        var error = await Assert.ThrowsAsync<ClusterConnectionException>(() => InformerService(provider).StartAsync(CancellationToken.None));

        Assert.Contains("kube-system", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cluster:Id", error.Message, StringComparison.Ordinal);
        Assert.False(provider.GetRequiredService<InformerSet>().IsSynced);
    }

    [Fact]
    public async Task Start_ClusterIdSetButServerUnreachable_FailsStartUpNamingTheServer()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0 });
        var address = simulator.BaseAddress.ToString();
        await simulator.StopListenerAsync();
        await using var provider = Build(new() { ["Cluster:Host"] = address, ["Cluster:Id"] = "6A4E1F0C-58D2-4C3B-9E7A-1D2C3B4A5F60" });

        var error = await Assert.ThrowsAsync<ClusterConnectionException>(() => InformerService(provider).StartAsync(CancellationToken.None));

        Assert.Contains(address.TrimEnd('/'), error.Message, StringComparison.Ordinal);
        Assert.Contains("Cluster:Host", error.Message, StringComparison.Ordinal);
        Assert.Equal("6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60", provider.GetRequiredService<ClusterIdentity>().Id);
    }

    [Fact]
    public async Task Start_Reachable_ResolvesIdentityThenSyncsAndStops()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0 });
        TestObjects.Seed(simulator.Store, "shop", 2);
        await using var provider = Build(new() { ["Cluster:Host"] = simulator.BaseAddress.ToString() });
        var service = InformerService(provider);

        await service.StartAsync(CancellationToken.None);
        await provider.GetRequiredService<InformerSet>().Synced.WaitAsync(TimeSpan.FromSeconds(10));

        // Synced means the pod list is applied; the pod watch starts just after it, so wait for it before stopping.
        await simulator.WaitForWatcher("Pod");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(simulator.Store.ClusterUid, provider.GetRequiredService<ClusterIdentity>().Id);
        var watch = await simulator.WaitForRequest(r => r.Verb == "watch" && r.Kind == "Pod" && r.Ending != PodExport.Simulator.Api.RequestEnding.Running);
        Assert.Equal(PodExport.Simulator.Api.RequestEnding.ClientAbort, watch.Ending);
    }

    [Fact]
    public async Task Start_SimulatorHostedServiceRegisteredFirst_ConnectsToItsDynamicPort()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddPodExportSimulator(o => o.Port = 0);

        // --simulate: the simulator's address is known only once it listens, which is before the informers start.
        services.AddPodExportInformers(configuration);
        services.AddPodExportClusterHost(static async (sp, ct) =>
            (await sp.GetRequiredService<SimulatorHostedService>().Started.WaitAsync(ct)).BaseAddress.ToString());
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();

        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            await provider.GetRequiredService<InformerSet>().Synced.WaitAsync(TimeSpan.FromSeconds(10));
            var simulator = await provider.GetRequiredService<SimulatorHostedService>().Started;
            Assert.Equal(simulator.Store.ClusterUid, provider.GetRequiredService<ClusterIdentity>().Id);
        }
        finally
        {
            foreach (var service in Enumerable.Reverse(hosted))
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    private static IHostedService InformerService(IServiceProvider provider) =>
        provider.GetServices<IHostedService>().Single(s => s.GetType().Name == "InformerHostedService");

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddPodExportInformers(configuration);
        return services.BuildServiceProvider();
    }
}
