using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Simulator.Hosting;

namespace PodExport.Cluster.Tests.Connection;

public sealed class KubernetesServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddPodExportKubernetes_SharedClient_DecodesListsTrimmed()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0 });
        simulator.Store.Create(RealisticPod.Full());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Host"] = simulator.BaseAddress.ToString() })
            .Build();
        await using var provider = new ServiceCollection().AddPodExportKubernetes(configuration).BuildServiceProvider();
        var client = provider.GetRequiredService<IKubernetes>();

        var pod = Assert.Single((await client.CoreV1.ListPodForAllNamespacesAsync()).Items);

        Assert.Equal(("checkout-7d9f8b6c5d-x2k4q", "registry.example.com/shop/checkout:1.42.0"), (pod.Metadata.Name, pod.Spec.Containers[0].Image));
        Assert.Equal((null, null, null), (pod.Metadata.ManagedFields, pod.Spec.Volumes, pod.Status.Conditions));
    }
}
