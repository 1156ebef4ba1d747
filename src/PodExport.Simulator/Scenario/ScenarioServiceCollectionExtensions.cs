using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PodExport.Simulator.Scenario;
using PodExport.Simulator.State;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the scenario engine; the host supplies the <see cref="IClusterWriter"/> and runs the engine.</summary>
public static class ScenarioServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ScenarioOptions"/> from the <c>Scenario</c> section (validated at start) and registers a
    /// singleton <see cref="ScenarioEngine"/> over the registered <see cref="IClusterWriter"/> and <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddPodExportScenario(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScenarioOptions>()
            .Bind(configuration.GetSection(ScenarioOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ScenarioEngine(
            sp.GetRequiredService<IClusterWriter>(),
            sp.GetRequiredService<IOptions<ScenarioOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
