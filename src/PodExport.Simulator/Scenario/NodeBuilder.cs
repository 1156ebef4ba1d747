using k8s.Models;

namespace PodExport.Simulator.Scenario;

/// <summary>Turns the engine's namespaces and nodes into new KubernetesClient objects for every write.</summary>
internal static class NodeBuilder
{
    public static V1Namespace Namespace(string name, string uid, DateTime created) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Uid = uid,
            CreationTimestamp = created,
            Labels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = name },
        },
        Spec = new V1NamespaceSpec { Finalizers = ["kubernetes"] },
        Status = new V1NamespaceStatus { Phase = "Active" },
    };

    public static V1Node Node(SimNode node)
    {
        var labels = new Dictionary<string, string>
        {
            ["kubernetes.io/hostname"] = node.Name,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = "amd64",
        };
        if (node.ControlPlane)
        {
            labels["node-role.kubernetes.io/control-plane"] = string.Empty;
        }

        return new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta { Name = node.Name, Uid = node.Uid, CreationTimestamp = node.Created, Labels = labels },
            Spec = new V1NodeSpec
            {
                PodCIDR = PodCidr(node),
                PodCIDRs = [PodCidr(node), $"fd00:10:{node.Index:x}::/64"],
                Unschedulable = node.Unschedulable ? true : null,
                Taints = node.Unschedulable
                    ? [new V1Taint { Effect = "NoSchedule", Key = "node.kubernetes.io/unschedulable" }]
                    : node.ControlPlane ? [new V1Taint { Effect = "NoSchedule", Key = "node-role.kubernetes.io/control-plane" }] : null,
            },
            Status = new V1NodeStatus
            {
                Addresses = [new V1NodeAddress { Address = node.InternalIp, Type = "InternalIP" }, new V1NodeAddress { Address = node.Name, Type = "Hostname" }],
                Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", LastTransitionTime = node.Created, Reason = "KubeletReady" }],
                NodeInfo = new V1NodeSystemInfo
                {
                    Architecture = "amd64",
                    BootID = node.Uid,
                    ContainerRuntimeVersion = node.RuntimeVersion,
                    KernelVersion = "6.8.0-45-generic",
                    KubeProxyVersion = "v1.32.4",
                    KubeletVersion = "v1.32.4",
                    MachineID = node.Uid.Replace("-", string.Empty, StringComparison.Ordinal),
                    OperatingSystem = "linux",
                    OsImage = "Ubuntu 24.04.1 LTS",
                    SystemUUID = node.Uid,
                },
                Capacity = new Dictionary<string, ResourceQuantity>
                {
                    ["cpu"] = new("16"),
                    ["memory"] = new("65843480Ki"),
                    ["pods"] = new("250"),
                },
            },
        };
    }

    /// <summary>The node's IPv4 pod range: a /22 per node inside 10.64.0.0/10.</summary>
    public static string PodCidr(SimNode node) => $"10.{64 + (node.Index / 64)}.{node.Index % 64 * 4}.0/22";
}
