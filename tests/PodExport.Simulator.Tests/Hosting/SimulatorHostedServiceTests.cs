using k8s;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PodExport.Simulator.Hosting;

namespace PodExport.Simulator.Tests.Hosting;

public class SimulatorHostedServiceTests
{
    [Fact]
    public async Task AddPodExportSimulator_HostStarts_SimulatorListens()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPodExportSimulator(o => o.Seed = 3);
        using var app = builder.Build();

        await app.StartAsync(TestCluster.Timeout());
        var simulator = await app.Services.GetRequiredService<SimulatorHostedService>().Started;
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = simulator.BaseAddress.ToString().TrimEnd('/') });
        var ns = await client.CoreV1.ReadNamespaceAsync("kube-system");
        await app.StopAsync(TestCluster.Timeout());

        Assert.Equal(simulator.Store.ClusterUid, ns.Metadata.Uid);
        Assert.False(simulator.IsListening);
    }
}
