using Microsoft.Extensions.DependencyInjection.Extensions;
using PodExport.Simulator.Hosting;

#pragma warning disable IDE0130 // DI entry points live in the DI namespace, as ASP.NET Core's own do.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>Runs an in-process simulated cluster as a hosted service (see <see cref="SimulatorHostedService"/>).</summary>
    public static IServiceCollection AddPodExportSimulator(this IServiceCollection services, Action<SimulatorOptions>? configure = null)
    {
        var options = services.AddOptions<SimulatorOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<SimulatorHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatorHostedService>());
        return services;
    }
}
