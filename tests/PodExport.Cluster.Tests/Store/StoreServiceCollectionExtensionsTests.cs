using System.Diagnostics.Metrics;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Identity;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Store;
using PodExport.Cluster.Tests.Fixtures;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Cluster.Tests.Store;

public sealed class StoreServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IMeterFactory, TestMeterFactory>();
        services.AddPodExportStore(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddPodExportStore_Settings_BindAndShareOneStore()
    {
        using var provider = Build(new()
        {
            ["Store:TerminatedInstancesPerContainer"] = "3",
            ["Store:IncludeInitContainers"] = "true",
            ["Cluster:Id"] = WorkedExample.ClusterId,
            ["Cluster:Name"] = "prod",
        });

        Assert.Equal(3, provider.GetRequiredService<IOptions<StoreOptions>>().Value.TerminatedInstancesPerContainer);
        Assert.True(provider.GetRequiredService<IOptions<StoreOptions>>().Value.IncludeInitContainers);
        var store = provider.GetRequiredService<PodStore>();
        Assert.Same(store, provider.GetRequiredService<IPodSnapshotSource>());
        Assert.Same(store, provider.GetRequiredService<IResourceEventHandler<V1Pod>>());
        Assert.Same(store, provider.GetRequiredService<IResourceEventHandler<OwnerObject>>());
        Assert.Equal(("prod", WorkedExample.ClusterId), (provider.GetRequiredService<ClusterIdentity>().Name, provider.GetRequiredService<ClusterIdentity>().Id));
    }

    [Fact]
    public void AddPodExportStore_BadSetting_FailsStartupValidation()
    {
        using var provider = Build(new() { ["Store:TerminatedInstancesPerContainer"] = "0", ["Cluster:Id"] = "nope" });

        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var messages = string.Join(" ", error.InnerExceptions.Select(e => e.Message));
        Assert.Contains("Store:TerminatedInstancesPerContainer is 0", messages, StringComparison.Ordinal);
        Assert.Contains("Cluster:Id 'nope'", messages, StringComparison.Ordinal);
    }
}
