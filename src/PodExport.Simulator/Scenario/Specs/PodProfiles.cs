using System.Globalization;
using k8s.Models;

namespace PodExport.Simulator.Scenario.Specs;

/// <summary>
/// Shapes a template's pod spec from the scenario's seeded shape stream: what real workloads carry (ports, env,
/// requests and limits, probes, mounts, security contexts, annotations), varied by workload family and image so that
/// pods differ the way a real cluster's do. Every value is one a real API server would return for such a template.
/// </summary>
internal static partial class PodProfiles
{
    private static readonly string[] Resources = ["cpu", "memory"];

    public static PodProfile For(ScenarioRandom r, WorkloadShape shape, string app, IReadOnlyList<ContainerSpec> containers,
        ContainerSpec? init, DateTimeOffset now) => shape switch
        {
            WorkloadShape.SystemAddon => containers[0].Repository.EndsWith("coredns", StringComparison.Ordinal) ? CoreDns() : KubeProxy(),
            WorkloadShape.Data => Data(r, app, containers[0], init, now),
            WorkloadShape.Batch => Batch(r, app),
            WorkloadShape.Standalone => Standalone(r),
            _ => Service(r, shape, app, containers, init, now),
        };

    private static PodProfile Service(ScenarioRandom r, WorkloadShape shape, string app, IReadOnlyList<ContainerSpec> containers,
        ContainerSpec? init, DateTimeOffset now)
    {
        var volumes = new ProfileVolumes();
        var sidecarNames = containers.Skip(1).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var main = MainContainer(r, containers[0], app, volumes, shippedLogs: sidecarNames.Contains("log"));
        if (shape == WorkloadShape.NodeAgent)
        {
            main = main with
            {
                Mounts =
                [
                    .. main.Mounts,
                    volumes.Mount(SpecParts.HostPath("proc", "/proc"), "/host/proc", readOnly: true),
                    volumes.Mount(SpecParts.HostPath("sys", "/sys"), "/host/sys", readOnly: true),
                    volumes.Mount(SpecParts.HostPath("root", "/"), "/host/root", readOnly: true),
                ],
            };
        }

        var profiles = new List<ContainerProfile> { main };
        profiles.AddRange(containers.Skip(1).Select(c => Sidecar(r, c, app, volumes)));
        var initProfile = init is null ? null : InitContainer(r, app, volumes);
        var metricsPort = profiles.SelectMany(p => p.Ports ?? []).FirstOrDefault(p => p.Name == "metrics");
        var dedicatedAccount = r.Chance(0.5);
        var mountsToken = !r.Chance(0.04);
        var hardened = r.Chance(0.5);
        return new PodProfile
        {
            Containers = profiles,
            InitContainer = initProfile,
            Volumes = volumes.Volumes,
            ServiceAccountName = dedicatedAccount ? app : null,
            MountsToken = mountsToken,
            AutomountServiceAccountToken = mountsToken ? null : false,
            SecurityContext = hardened ? HardenedPod(r) : new V1PodSecurityContext(),
            Annotations = ServiceAnnotations(r, containers, metricsPort, now),
            NodeSelector = r.Chance(0.25) ? new Dictionary<string, string> { ["kubernetes.io/os"] = "linux" } : null,
            Affinity = shape == WorkloadShape.Service && r.Chance(0.25) ? SpreadOverNodes(app) : null,
            TopologySpreadConstraints = shape == WorkloadShape.Service && r.Chance(0.15) ? SpreadOverZones(app) : null,
            ImagePullSecrets = containers[0].Repository.StartsWith("registry.example.com/", StringComparison.Ordinal)
                || (containers[0].Repository.StartsWith("ghcr.io/", StringComparison.Ordinal) && r.Chance(0.5))
                ? [new V1LocalObjectReference { Name = "regcred" }]
                : null,
            QosClass = Qos([.. profiles, .. initProfile is null ? [] : new[] { initProfile }]),
        };
    }

    private static Dictionary<string, string>? ServiceAnnotations(ScenarioRandom r, IReadOnlyList<ContainerSpec> containers,
        V1ContainerPort? metricsPort, DateTimeOffset now)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (containers.Count > 1)
        {
            annotations["kubectl.kubernetes.io/default-container"] = containers[0].Name;
        }

        if (metricsPort is not null && r.Chance(0.5))
        {
            annotations["prometheus.io/scrape"] = "true";
            annotations["prometheus.io/port"] = metricsPort.ContainerPort.ToString(CultureInfo.InvariantCulture);
            annotations["prometheus.io/path"] = "/metrics";
        }

        if (r.Chance(0.3))
        {
            // Helm charts roll pods when their config changes by hashing it into the template.
            annotations["checksum/config"] = r.Hex64();
        }

        if (r.Chance(0.1))
        {
            var restarted = now - r.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(20));
            annotations["kubectl.kubernetes.io/restartedAt"] = restarted.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
        }

        return annotations.Count == 0 ? null : annotations;
    }

    private static V1PodSecurityContext HardenedPod(ScenarioRandom r)
    {
        var id = r.Pick(new long[] { 1000, 1001, 10001, 65532 });
        return new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            RunAsUser = id,
            RunAsGroup = id,
            FsGroup = id,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        };
    }

    private static V1SecurityContext HardenedContainer() => new()
    {
        AllowPrivilegeEscalation = false,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
        ReadOnlyRootFilesystem = true,
        RunAsNonRoot = true,
    };

    private static V1Affinity SpreadOverNodes(string app) => new()
    {
        PodAntiAffinity = new V1PodAntiAffinity
        {
            PreferredDuringSchedulingIgnoredDuringExecution =
            [
                new V1WeightedPodAffinityTerm
                {
                    Weight = 100,
                    PodAffinityTerm = new V1PodAffinityTerm
                    {
                        LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
                        TopologyKey = "kubernetes.io/hostname",
                    },
                },
            ],
        },
    };

    private static List<V1TopologySpreadConstraint> SpreadOverZones(string app) =>
    [
        new V1TopologySpreadConstraint
        {
            MaxSkew = 1,
            TopologyKey = "topology.kubernetes.io/zone",
            WhenUnsatisfiable = "ScheduleAnyway",
            LabelSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = app } },
        },
    ];

    /// <summary>
    /// Requests and limits as teams set them: mostly requests with a memory limit (Burstable), some with limits equal
    /// to requests (Guaranteed), a few requests only, a few nothing at all.
    /// </summary>
    private static V1ResourceRequirements Sized(ScenarioRandom r, int tier)
    {
        string[] cpu = ["50m", "100m", "250m", "500m", "1", "2"];
        string[] memory = ["64Mi", "128Mi", "256Mi", "512Mi", "1Gi", "2Gi", "4Gi"];
        var c = Math.Clamp(tier + r.Next(-1, 2), 0, cpu.Length - 1);
        var m = Math.Clamp(tier + r.Next(-1, 2), 0, memory.Length - 2);
        return r.NextDouble() switch
        {
            < 0.62 => SpecParts.Resources(cpu[c], memory[m], null, memory[m + 1]),
            < 0.72 => SpecParts.Resources(cpu[c], memory[m], cpu[Math.Min(c + 2, cpu.Length - 1)], memory[m + 1]),
            < 0.87 => SpecParts.Resources(cpu[c], memory[m], cpu[c], memory[m]),
            < 0.96 => SpecParts.Resources(cpu[c], memory[m]),
            _ => new V1ResourceRequirements(),
        };
    }

    /// <summary>The pod's QoS class (pkg/apis/core/helper/qos): Guaranteed when every container limits cpu and memory at its requests.</summary>
    private static string Qos(IEnumerable<ContainerProfile> containers)
    {
        var any = false;
        var guaranteed = true;
        foreach (var c in containers)
        {
            var requests = c.Resources.Requests;
            var limits = c.Resources.Limits;
            any |= requests is { Count: > 0 } || limits is { Count: > 0 };
            foreach (var resource in Resources)
            {
                var limit = limits?.TryGetValue(resource, out var l) == true ? l : null;
                var request = requests?.TryGetValue(resource, out var q) == true ? q : limit;
                guaranteed &= limit is not null && request is not null && request.ToString() == limit.ToString();
            }
        }

        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }
}
