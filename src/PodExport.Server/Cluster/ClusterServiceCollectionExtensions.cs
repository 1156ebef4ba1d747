using Microsoft.Extensions.Options;
using PodExport.Server.Cluster;
using PodExport.Simulator.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class ClusterServiceCollectionExtensions
{
    public const string SourceKey = "Cluster:Source";

    /// <summary>
    /// The data path's first half: informers → pod pipeline → pod store, against the configured cluster, or against
    /// an in-process simulated cluster reached over HTTP with <c>--simulate</c>. Registers nothing when
    /// <c>Cluster:Source</c> is <c>InMemory</c>. Call before <c>AddPodExportServer</c>, whose in-memory source and
    /// health are TryAdds.
    /// </summary>
    public static IServiceCollection AddPodExportCluster(this IServiceCollection services, IConfiguration configuration)
    {
        var source = configuration.GetValue(SourceKey, PodSourceKind.Kubernetes);
        if (source == PodSourceKind.InMemory)
        {
            return services;
        }

        var simulate = configuration.GetSection(SimulateOptions.Section);
        services.AddOptions<SimulateOptions>().Bind(simulate).ValidateDataAnnotations().ValidateOnStart();
        if (simulate.GetValue<bool>(nameof(SimulateOptions.Enabled)))
        {
            // Registered before the informers: its hosted service must be listening before they start.
            services.AddPodExportSimulator();
            services.AddOptions<SimulatorOptions>().Configure<IOptions<SimulateOptions>>((sim, demo) =>
            {
                sim.Pods = demo.Value.Pods;
                sim.Churn = demo.Value.Churn;
                sim.Seed = demo.Value.Seed;
                sim.Port = demo.Value.Port;
            });
            services.AddPodExportClusterHost(static async (sp, ct) =>
                (await sp.GetRequiredService<SimulatorHostedService>().Started.WaitAsync(ct)).BaseAddress.ToString());
        }

        services.AddPodExportStore(configuration);
        services.AddPodExportInformers(configuration);
        return services;
    }
}
