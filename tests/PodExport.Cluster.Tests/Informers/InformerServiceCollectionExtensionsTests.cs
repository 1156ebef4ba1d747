using k8s;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;
using PodExport.Cluster.Informers;
using PodExport.Model.Records;

namespace PodExport.Cluster.Tests.Informers;

public sealed class InformerServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPodExportInformers_WithHost_RegistersOneClientEightKindsHealthAndHostedService()
    {
        using var provider = Build(new() { ["Cluster:Host"] = "http://127.0.0.1:1" });

        var informers = provider.GetRequiredService<InformerSet>();

        Assert.Equal(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "CronJob", "Job", "ReplicationController", "Pod"], informers.Kinds);
        Assert.Same(provider.GetRequiredService<IKubernetes>(), provider.GetRequiredService<ReflectorContext>().Client);
        Assert.Equal("http://127.0.0.1:1/", provider.GetRequiredService<IKubernetes>().BaseUri.ToString());
        Assert.Empty(provider.GetRequiredService<IClusterHealth>().DegradedKinds);
        Assert.Contains(provider.GetServices<IHostedService>(), s => s.GetType().Name == "InformerHostedService");
        Assert.False(informers.IsSynced);
    }

    [Fact]
    public void AddPodExportInformers_Namespaces_OneReflectorPerNamespaceAndKind()
    {
        using var provider = Build(new()
        {
            ["Cluster:Host"] = "http://127.0.0.1:1",
            ["Cluster:Namespaces:0"] = "shop",
            ["Cluster:Namespaces:1"] = "web",
        });

        var informers = provider.GetRequiredService<InformerSet>();

        Assert.Equal(14, informers.OwnerReflectors.Count);
        Assert.Equal(["shop", "web"], informers.PodReflectors.Select(r => r.Namespace));
    }

    [Fact]
    public void AddPodExportInformers_BadInformerSetting_FailsValidationNamingIt()
    {
        using var provider = Build(new() { ["Cluster:Host"] = "http://127.0.0.1:1", ["Informer:IdleTimeoutSeconds"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InformerOptions>>().Value);

        Assert.Contains("Informer:IdleTimeoutSeconds is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPodExportInformers_NoClusterAnywhere_FailsWithWhatWasTried()
    {
        var services = Services(new());
        services.AddSingleton(new KubernetesEnvironment
        {
            GetVariable = _ => null,
            HomeDirectory = null,
            IsInCluster = () => false,
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<ClusterConnectionException>(() => provider.GetRequiredService<IKubernetes>());

        Assert.Contains("Tried, in order", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPodExportInformers_HealthResolvedBeforeStart_DoesNotCreateTheClient()
    {
        var services = Services(new());
        services.AddSingleton(new KubernetesEnvironment { GetVariable = _ => null, HomeDirectory = null, IsInCluster = () => false });
        using var provider = services.BuildServiceProvider();

        var health = provider.GetRequiredService<IClusterHealth>();

        Assert.Empty(health.DegradedKinds);
        Assert.False(provider.GetRequiredService<InformerHealth>().IsSynced);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) => Services(settings).BuildServiceProvider();

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddPodExportInformers(configuration);
        return services;
    }
}
