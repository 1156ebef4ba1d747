using k8s.Models;
using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Scenario;

internal static partial class PodBuilder
{
    private const string NotReady = "node.kubernetes.io/not-ready";
    private const string Unreachable = "node.kubernetes.io/unreachable";

    // What a DaemonSet controller adds to every pod it makes (pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations).
    private static readonly V1Toleration[] DaemonTolerations =
    [
        new() { Key = NotReady, OperatorProperty = "Exists", Effect = "NoExecute" },
        new() { Key = Unreachable, OperatorProperty = "Exists", Effect = "NoExecute" },
        new() { Key = "node.kubernetes.io/disk-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/memory-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/pid-pressure", OperatorProperty = "Exists", Effect = "NoSchedule" },
        new() { Key = "node.kubernetes.io/unschedulable", OperatorProperty = "Exists", Effect = "NoSchedule" },
    ];

    private static readonly V1Toleration HostNetworkToleration =
        new() { Key = "node.kubernetes.io/network-unavailable", OperatorProperty = "Exists", Effect = "NoSchedule" };

    // The DefaultTolerationSeconds admission plugin's two, for pods that do not tolerate those taints already.
    private static readonly V1Toleration[] DefaultTolerations =
    [
        new() { Key = NotReady, OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
        new() { Key = Unreachable, OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 },
    ];

    /// <summary>A workload's <c>spec.template.spec</c> as the API server returns it (defaulted; no admission additions).</summary>
    public static V1PodSpec TemplateSpec(PodTemplate template, int gracePeriodSeconds, bool hostNetwork)
    {
        var profile = template.Profile;
        return new V1PodSpec
        {
            Containers = [.. template.Containers.Select((c, i) => Container(c, ContainerProfileAt(profile, i), null))],
            InitContainers = template.InitContainer is { } init ? [Container(init, profile.InitContainer ?? ContainerProfile.Bare, null)] : null,
            Volumes = profile.Volumes.Count == 0 ? null : profile.Volumes,
            RestartPolicy = template.RestartPolicy,
            TerminationGracePeriodSeconds = gracePeriodSeconds,
            DnsPolicy = profile.DnsPolicy ?? (hostNetwork ? "ClusterFirstWithHostNet" : "ClusterFirst"),
            SchedulerName = "default-scheduler",
            SecurityContext = profile.SecurityContext,
            ServiceAccountName = profile.ServiceAccountName,
            ServiceAccount = profile.ServiceAccountName,
            AutomountServiceAccountToken = profile.AutomountServiceAccountToken,
            HostNetwork = hostNetwork ? true : null,
            NodeSelector = profile.NodeSelector,
            Affinity = profile.Affinity,
            Tolerations = profile.Tolerations,
            TopologySpreadConstraints = profile.TopologySpreadConstraints,
            ImagePullSecrets = profile.ImagePullSecrets,
            PriorityClassName = profile.PriorityClassName,
        };
    }

    /// <summary>
    /// The pod's spec. <paramref name="admitted"/> false gives what its creator sent (the managed fields of the first
    /// entry); true adds what admission adds: the token volume and mounts, the default service account, the default
    /// NoExecute tolerations, <c>priority</c> and <c>preemptionPolicy</c>.
    /// </summary>
    private static V1PodSpec Spec(SimPod pod, bool scheduled, int gracePeriodSeconds, bool admitted)
    {
        var profile = pod.Template.Profile;
        var spec = TemplateSpec(pod.Template, gracePeriodSeconds, pod.HostNetwork);
        var tokenMount = admitted && pod.TokenVolume is { } token ? SpecParts.TokenMount(token) : null;
        if (tokenMount is not null)
        {
            spec.Containers = [.. pod.Template.Containers.Select((c, i) => Container(c, ContainerProfileAt(profile, i), tokenMount))];
            if (pod.Template.InitContainer is { } init)
            {
                spec.InitContainers = [Container(init, profile.InitContainer ?? ContainerProfile.Bare, tokenMount)];
            }
        }

        var volumes = new List<V1Volume>(profile.Volumes.Count + 2);
        if (profile.ClaimTemplate is { } claim)
        {
            // The StatefulSet controller puts the claimed volumes first (updateStorage).
            volumes.Add(SpecParts.Claim(claim, claim + "-" + pod.Name));
            spec.Hostname = pod.Name;
            spec.Subdomain = profile.Subdomain;
        }

        volumes.AddRange(profile.Volumes);
        if (tokenMount is not null)
        {
            volumes.Add(SpecParts.TokenVolume(tokenMount.Name));
        }

        spec.Volumes = volumes.Count == 0 ? null : volumes;
        if (pod.Owner is { Kind: "DaemonSet" } && pod.Node is { } node)
        {
            spec.Affinity = DaemonAffinity(node.Name);
            spec.Tolerations = [.. profile.Tolerations ?? [], .. DaemonTolerations, .. pod.HostNetwork ? [HostNetworkToleration] : Array.Empty<V1Toleration>()];
        }

        if (pod.StaticComponent is not null || (admitted && scheduled))
        {
            spec.NodeName = pod.Node?.Name;
        }

        if (admitted)
        {
            if (pod.StaticComponent is null)
            {
                spec.ServiceAccountName = profile.ServiceAccountName ?? "default";
                spec.ServiceAccount = spec.ServiceAccountName;
            }

            spec.Tolerations = WithDefaultTolerations(spec.Tolerations);
            spec.Priority = profile.Priority;
            spec.PreemptionPolicy = "PreemptLowerPriority";
            spec.EnableServiceLinks = true;
        }
        else
        {
            // Defaulted when decoding, before the field manager sees the object, unlike the admission fields above.
            spec.EnableServiceLinks = true;
        }

        return spec;
    }

    private static ContainerProfile ContainerProfileAt(PodProfile profile, int index) =>
        index < profile.Containers.Count ? profile.Containers[index] : ContainerProfile.Bare;

    private static V1Container Container(ContainerSpec spec, ContainerProfile profile, V1VolumeMount? tokenMount)
    {
        var mounts = profile.Mounts;
        if (tokenMount is not null)
        {
            mounts = [.. mounts, tokenMount];
        }

        return new V1Container
        {
            Name = spec.Name,
            Image = spec.Image,
            Command = profile.Command,
            Args = profile.Args,
            WorkingDir = profile.WorkingDir,
            Ports = profile.Ports,
            EnvFrom = profile.EnvFrom,
            Env = profile.Env,
            Resources = profile.Resources,
            VolumeMounts = mounts.Count == 0 ? null : mounts,
            LivenessProbe = profile.LivenessProbe,
            ReadinessProbe = profile.ReadinessProbe,
            StartupProbe = profile.StartupProbe,
            SecurityContext = profile.SecurityContext,
            TerminationMessagePath = "/dev/termination-log",
            TerminationMessagePolicy = "File",
            ImagePullPolicy = profile.ImagePullPolicy ?? (spec.Tag == "latest" ? "Always" : "IfNotPresent"),
        };
    }

    private static V1Affinity DaemonAffinity(string nodeName) => new()
    {
        NodeAffinity = new V1NodeAffinity
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
            {
                NodeSelectorTerms =
                [
                    new V1NodeSelectorTerm
                    {
                        MatchFields = [new V1NodeSelectorRequirement { Key = "metadata.name", OperatorProperty = "In", Values = [nodeName] }],
                    },
                ],
            },
        },
    };

    private static List<V1Toleration> WithDefaultTolerations(IList<V1Toleration>? tolerations)
    {
        var result = new List<V1Toleration>((tolerations?.Count ?? 0) + 2);
        result.AddRange(tolerations ?? []);
        foreach (var fallback in DefaultTolerations)
        {
            if (!result.Exists(t => Tolerates(t, fallback.Key)))
            {
                result.Add(fallback);
            }
        }

        return result;
    }

    private static bool Tolerates(V1Toleration toleration, string key) =>
        (toleration.Effect is null or "" or "NoExecute")
        && (string.IsNullOrEmpty(toleration.Key) ? toleration.OperatorProperty == "Exists" : toleration.Key == key);
}
