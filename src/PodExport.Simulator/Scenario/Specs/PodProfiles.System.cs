using k8s.Models;
using static PodExport.Simulator.Scenario.Specs.SpecParts;

namespace PodExport.Simulator.Scenario.Specs;

internal static partial class PodProfiles
{
    private static readonly Dictionary<string, string> LinuxOnly = new() { ["kubernetes.io/os"] = "linux" };

    /// <summary>CoreDNS as kubeadm deploys it.</summary>
    private static PodProfile CoreDns()
    {
        var main = new ContainerProfile
        {
            Args = ["-conf", "/etc/coredns/Corefile"],
            Ports = [Port("dns", 53, "UDP"), Port("dns-tcp", 53), Port("metrics", 9153)],
            Resources = SpecParts.Resources("100m", "70Mi", null, "170Mi"),
            Mounts = [Mount("config-volume", "/etc/coredns", readOnly: true)],
            LivenessProbe = Http("/health", 8080, initialDelay: 60, timeout: 5, failure: 5),
            ReadinessProbe = Http("/ready", 8181),
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                Capabilities = new V1Capabilities { Add = ["NET_BIND_SERVICE"], Drop = ["ALL"] },
                ReadOnlyRootFilesystem = true,
            },
        };
        return new PodProfile
        {
            Containers = [main],
            Volumes = [ConfigMapVolume("config-volume", "coredns", "Corefile")],
            ServiceAccountName = "coredns",
            DnsPolicy = "Default",
            NodeSelector = LinuxOnly,
            Affinity = new V1Affinity
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
                                LabelSelector = new V1LabelSelector
                                {
                                    MatchExpressions = [new V1LabelSelectorRequirement { Key = "k8s-app", OperatorProperty = "In", Values = ["kube-dns"] }],
                                },
                                TopologyKey = "kubernetes.io/hostname",
                            },
                        },
                    ],
                },
            },
            Tolerations =
            [
                new V1Toleration { Key = "CriticalAddonsOnly", OperatorProperty = "Exists" },
                new V1Toleration { Key = "node-role.kubernetes.io/control-plane", Effect = "NoSchedule" },
            ],
            PriorityClassName = "system-cluster-critical",
            Priority = 2000000000,
            QosClass = "Burstable",
        };
    }

    /// <summary>kube-proxy as kubeadm deploys it: privileged, host network, no resources.</summary>
    private static PodProfile KubeProxy() => new()
    {
        Containers =
        [
            new ContainerProfile
            {
                Command = ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
                Env = [FieldEnv("NODE_NAME", "spec.nodeName")],
                Mounts =
                [
                    Mount("kube-proxy", "/var/lib/kube-proxy"),
                    Mount("xtables-lock", "/run/xtables.lock"),
                    Mount("lib-modules", "/lib/modules", readOnly: true),
                ],
                SecurityContext = new V1SecurityContext { Privileged = true },
            },
        ],
        Volumes =
        [
            new V1Volume { Name = "kube-proxy", ConfigMap = new V1ConfigMapVolumeSource { Name = "kube-proxy", DefaultMode = DefaultMode } },
            HostPath("xtables-lock", "/run/xtables.lock", "FileOrCreate"),
            HostPath("lib-modules", "/lib/modules"),
        ],
        ServiceAccountName = "kube-proxy",
        DnsPolicy = "ClusterFirst",
        NodeSelector = LinuxOnly,
        Tolerations = [new V1Toleration { OperatorProperty = "Exists" }],
        PriorityClassName = "system-node-critical",
        Priority = 2000001000,
    };
}
