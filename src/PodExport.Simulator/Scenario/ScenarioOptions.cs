namespace PodExport.Simulator.Scenario;

/// <summary>Parameters of the seeded scenario (kubernetes-api D.2). PLACEHOLDER until the scenario engine lands.</summary>
public sealed class ScenarioOptions
{
    public int Seed { get; set; } = 42;

    /// <summary>Approximate number of pods the scenario keeps.</summary>
    public int Pods { get; set; } = 500;

    /// <summary>Approximate churn, in events per second of virtual time.</summary>
    public double ChurnPerSecond { get; set; } = 10;
}
