using PodExport.Simulator.State;

namespace PodExport.Simulator.Scenario;

/// <summary>
/// Deterministic churn from a seed (kubernetes-api D.2). PLACEHOLDER: signatures fixed, implementation lands with
/// the scenario engine.
/// </summary>
public sealed class ScenarioEngine(IClusterWriter writer, ScenarioOptions options, TimeProvider timeProvider)
{
    /// <summary>Creates the initial objects (namespaces, nodes, workloads and their pods).</summary>
    public void Seed() => throw new NotImplementedException($"{writer}{options}{timeProvider}");

    /// <summary>Runs churn on the injected clock until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => throw new NotImplementedException(cancellationToken.ToString());
}
