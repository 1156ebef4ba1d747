using k8s.Models;

namespace PodExport.Simulator.Scenario.Specs;

/// <summary>
/// What a workload's template says about one container besides its name and image. The KubernetesClient objects are
/// shared by every pod of the template and every write of those pods: nothing downstream mutates them (the store
/// serializes what it is given; the API server's own writes work on a parsed copy).
/// </summary>
internal sealed record ContainerProfile
{
    // Declared before Bare: static initializers run in text order, and Bare's Resources reads this one.
    private static readonly V1ResourceRequirements NoResources = new();

    /// <summary>A container the template says nothing more about (<c>kubectl run</c>): only the defaults.</summary>
    public static readonly ContainerProfile Bare = new();

    public IList<string>? Command { get; init; }

    public IList<string>? Args { get; init; }

    public string? WorkingDir { get; init; }

    public IList<V1ContainerPort>? Ports { get; init; }

    public IList<V1EnvFromSource>? EnvFrom { get; init; }

    public IList<V1EnvVar>? Env { get; init; }

    /// <summary><c>resources: {}</c> when the template sets none, as the API server returns it.</summary>
    public V1ResourceRequirements Resources { get; init; } = NoResources;

    /// <summary>The template's own mounts; the token mount is added per pod.</summary>
    public IList<V1VolumeMount> Mounts { get; init; } = [];

    public V1Probe? LivenessProbe { get; init; }

    public V1Probe? ReadinessProbe { get; init; }

    public V1Probe? StartupProbe { get; init; }

    public V1SecurityContext? SecurityContext { get; init; }

    /// <summary>Null: the API server's default for the tag (<c>Always</c> for <c>latest</c>, else <c>IfNotPresent</c>).</summary>
    public string? ImagePullPolicy { get; init; }
}
