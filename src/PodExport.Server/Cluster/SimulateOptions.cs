using System.ComponentModel.DataAnnotations;

namespace PodExport.Server.Cluster;

/// <summary>
/// <c>--simulate</c>: an in-process simulated cluster the informers reach over HTTP like any API server
/// (ARCHITECTURE.md "Running modes").
/// </summary>
public sealed class SimulateOptions
{
    public const string Section = "Simulate";

    public bool Enabled { get; set; }

    /// <summary>Pods of the seeded scenario.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Simulate:Pods must be between 1 and 1000000.")]
    public int Pods { get; set; } = 200;

    /// <summary>Churn of the scenario, in events per second; 0 holds the cluster still.</summary>
    [Range(0, 100_000, ErrorMessage = "Simulate:Churn must be between 0 and 100000 events per second.")]
    public double Churn { get; set; } = 5;

    public int Seed { get; set; } = 42;

    /// <summary>Loopback port of the simulated API server; 0 picks a free one.</summary>
    [Range(0, 65535, ErrorMessage = "Simulate:Port must be between 0 and 65535.")]
    public int Port { get; set; }
}
