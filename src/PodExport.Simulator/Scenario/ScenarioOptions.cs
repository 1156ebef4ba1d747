using System.ComponentModel.DataAnnotations;

namespace PodExport.Simulator.Scenario;

/// <summary>
/// Parameters of the seeded scenario (kubernetes-api D.2). Counts left <c>null</c> are derived from <see cref="Pods"/>;
/// the same options and seed always give the same objects and events.
/// </summary>
public sealed class ScenarioOptions
{
    public const string Section = "Scenario";

    /// <summary>Seed of the one <see cref="Random"/> every name, UID, container ID, IP and jitter comes from.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Approximate number of pods the scenario keeps.</summary>
    [Range(0, 2_000_000)]
    public int Pods { get; set; } = 500;

    /// <summary>
    /// Approximate churn, in events per second of virtual time. Random churn (deletions, one-off crashes, scaling,
    /// standalone pods, label changes) is paced so that all events together, including the background behaviours
    /// (crash loops, rollouts, CronJobs, drains), come to about this rate. When the background alone exceeds it (about
    /// <c>Pods × CrashLoopFraction / 150</c> events/s from crash loops), random churn drops to one action a minute and
    /// the background rate wins; lower <see cref="CrashLoopFraction"/> for a quieter large cluster. 0 holds the cluster
    /// still.
    /// </summary>
    [Range(0, 1_000_000)]
    public double ChurnPerSecond { get; set; } = 10;

    /// <summary>Virtual seconds per real second when <see cref="ScenarioEngine.RunAsync"/> runs on a real clock.</summary>
    [Range(0.001, 1_000_000)]
    public double Speed { get; set; } = 1;

    /// <summary>Worker nodes; null: about one per 30 pods, at least 5.</summary>
    [Range(1, 10_000)]
    public int? Nodes { get; set; }

    /// <summary>Control-plane nodes (each runs the four static pods); null: 3 from 30 workers on, else 1.</summary>
    [Range(1, 9)]
    public int? ControlPlaneNodes { get; set; }

    /// <summary>Application namespaces besides default and kube-system; null: about one per 100 pods, 3 to 100.</summary>
    [Range(1, 10_000)]
    public int? Namespaces { get; set; }

    /// <summary>Deployments; null: as many as fill <see cref="Pods"/> after the other workloads.</summary>
    [Range(0, 1_000_000)]
    public int? Deployments { get; set; }

    /// <summary>Largest replica count of a Deployment; null: 5, or 20 from 2 000 pods on.</summary>
    [Range(1, 1000)]
    public int? MaxReplicas { get; set; }

    /// <summary>StatefulSets of 3 replicas; null: 1 per 1 000 pods, at least 1.</summary>
    [Range(0, 100_000)]
    public int? StatefulSets { get; set; }

    /// <summary>Application DaemonSets (one pod per node) besides kube-proxy; null: 1.</summary>
    [Range(0, 100)]
    public int? DaemonSets { get; set; }

    /// <summary>ReplicationControllers of 2 replicas; null: 1.</summary>
    [Range(0, 10_000)]
    public int? ReplicationControllers { get; set; }

    /// <summary>CronJobs; null: 1 per 2 000 pods, at least 2.</summary>
    [Range(0, 10_000)]
    public int? CronJobs { get; set; }

    /// <summary>Standalone pods (no owner); null: 1 per 200 pods, at least 3.</summary>
    [Range(0, 100_000)]
    public int? StandalonePods { get; set; }

    /// <summary>Fraction of restartable pods with a crash-looping container (exit 1, Error).</summary>
    [Range(0.0, 1.0)]
    public double CrashLoopFraction { get; set; } = 0.10;

    /// <summary>Fraction of restartable pods with a container that is OOMKilled (exit 137) now and then.</summary>
    [Range(0.0, 1.0)]
    public double OomKillFraction { get; set; } = 0.03;

    /// <summary>
    /// Fraction of restarts shown only through <c>lastState</c> (one MODIFIED); the others first show
    /// <c>state.terminated</c>, then <c>waiting: CrashLoopBackOff</c>, then the new run (spec D.2 fidelity).
    /// </summary>
    [Range(0.0, 1.0)]
    public double FastRestartFraction { get; set; } = 0.5;

    /// <summary>Fraction of pods with an IPv6 address besides the IPv4 one.</summary>
    [Range(0.0, 1.0)]
    public double DualStackFraction { get; set; } = 0.10;

    /// <summary>Fraction of workloads whose pods have a completed init container.</summary>
    [Range(0.0, 1.0)]
    public double InitContainerFraction { get; set; } = 0.25;

    /// <summary>Deployment (or StatefulSet) rollouts per virtual hour.</summary>
    [Range(0.0, 100_000)]
    public double RolloutsPerHour { get; set; } = 2;

    /// <summary>Node drains per virtual hour.</summary>
    [Range(0.0, 10_000)]
    public double DrainsPerHour { get; set; } = 1;

    /// <summary>How long a drained node stays cordoned before it is uncordoned.</summary>
    [Range(1, 1440)]
    public int DrainMinutes { get; set; } = 10;

    /// <summary>CronJob schedule interval (<c>*/N * * * *</c>).</summary>
    [Range(1, 1440)]
    public int CronJobIntervalMinutes { get; set; } = 5;

    /// <summary>Pod <c>terminationGracePeriodSeconds</c>, stamped as <c>deletionGracePeriodSeconds</c> on deletion.</summary>
    [Range(0, 3600)]
    public int GracePeriodSeconds { get; set; } = 30;

    /// <summary>Throws <see cref="ValidationException"/> naming the first invalid setting.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}
