using k8s;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;
using PodExport.Simulator.Faults;
using PodExport.Simulator.Hosting;

namespace PodExport.Cluster.Tests.Connection;

public sealed class KubeSystemNamespaceTests
{
    [Fact]
    public async Task ReadUid_FromSimulatorThroughItsKubeconfig_ReturnsKubeSystemUid()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0 });
        var dir = Directory.CreateTempSubdirectory("podexport-kube-");
        try
        {
            var path = Path.Combine(dir.FullName, "config");
            // KubernetesClient 21.0.8 rejects a kubeconfig user without credentials ("user: {}"), which kubectl accepts.
            simulator.WriteKubeconfig(path, token: "any");
            var connection = new KubernetesConnectionFactory(Options.Create(new ClusterConnectionOptions { Kubeconfig = path }), new KubernetesEnvironment()).Create();
            // As the gateway builds its client: decoding trimmed to what it reads, the namespace UID among it.
            using var client = new Kubernetes(TrimmedDecoding.Apply(connection.Configuration));

            var uid = await KubeSystemNamespace.ReadUidAsync(client, CancellationToken.None);

            Assert.Equal(simulator.Store.ClusterUid, uid);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ReadUid_Forbidden_FailsSayingWhatToDo()
    {
        await using var simulator = await SimulatorHost.StartAsync(new SimulatorOptions { Port = 0 });
        simulator.Faults.Add(new FaultRule(FaultKind.HttpStatus) { Verb = FaultVerb.Any, PathContains = "/namespaces/kube-system", StatusCode = 403 });
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = simulator.BaseAddress.ToString() });

        var error = await Assert.ThrowsAsync<ClusterConnectionException>(() => KubeSystemNamespace.ReadUidAsync(client, CancellationToken.None));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Contains("Cluster:Id", error.Message, StringComparison.Ordinal);
    }
}
