using System.Globalization;
using k8s.Models;
using PodExport.Model.Wire;

namespace PodExport.Benchmarks.Fixtures;

/// <summary>
/// Deterministic realistic pods for the micro-benchmarks, shaped like the simulator's (kubernetes-api D.2): a
/// Deployment's ReplicaSet pod with three containers on a node, dual-stack IPs, containerd ids, and for one pod in
/// ten a crash-looping container whose last run is in <c>lastState.terminated</c>.
/// </summary>
public static class SamplePods
{
    public const string ClusterId = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60";

    private static readonly DateTime Epoch = new(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Containers = ["app", "log-shipper", "istio-proxy"];
    private static readonly string[] Images = ["quay.io/acme/shop-api:4.12.1", "docker.io/fluent/fluent-bit:3.0", "docker.io/istio/proxyv2:1.22.0"];

    /// <summary>The wire pod of <c>V1Pod(index)</c> with two terminated runs per container: what a store line holds.</summary>
    public static Pod WirePod(int index)
    {
        var random = new Random(index);
        var name = PodName(index);
        var ns = Namespace(index);
        var uid = Uid(random);
        var containingPodId = $"{name}.{ns}@{uid}";
        string[] ips = [$"10.{128 + (index % 64)}.{index / 256 % 256}.{index % 256}", $"fd00:10:{index % 64:x}::{index % 65536:x}"];
        var node = Node(index);
        var live = new List<ContainerInstance>();
        var terminated = new List<Pod.ContainerInstanceList>();
        for (var c = 0; c < Containers.Length; c++)
        {
            var digest = "sha256:" + Hex(random, 64);
            live.Add(Instance(random, containingPodId, Containers[c], ips, node, digest, Epoch.AddMinutes(c), finished: null, 0, ""));
            terminated.Add(new Pod.ContainerInstanceList(
            [
                Instance(random, containingPodId, Containers[c], ips, node, digest, Epoch.AddSeconds(-600), Epoch.AddSeconds(-300), 137, "OOMKilled"),
                Instance(random, containingPodId, Containers[c], ips, node, digest, Epoch.AddSeconds(-290), Epoch.AddSeconds(-1), 1, "Error"),
            ]));
        }

        return new Pod
        {
            Id = Uid(random),
            Name = name,
            DeploymentId = Uid(random),
            Namespace = ns,
            ClusterId = ClusterId,
            LiveInstances = live,
            TerminatedInstances = terminated,
            Started = Timestamp.FromDateTime(Epoch),
        };
    }

    /// <summary>A running ReplicaSet pod with three containers; every tenth one crash-loops.</summary>
    public static V1Pod V1Pod(int index, int resourceVersion = 1)
    {
        var random = new Random(index);
        var name = PodName(index);
        var rs = name[..name.LastIndexOf('-')];
        var crashLoop = index % 10 == 0;
        var ip = $"10.{128 + (index % 64)}.{index / 256 % 256}.{index % 256}";
        var statuses = new List<V1ContainerStatus>();
        var specs = new List<V1Container>();
        for (var c = 0; c < Containers.Length; c++)
        {
            var image = Images[c];
            specs.Add(new V1Container
            {
                Name = Containers[c],
                Image = image,
                Ports = [new V1ContainerPort { ContainerPort = 8080 + c, Protocol = "TCP", Name = "port-" + c.ToString(CultureInfo.InvariantCulture) }],
                Env = [new V1EnvVar { Name = "LOG_LEVEL", Value = "info" }, new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } }],
                Resources = new V1ResourceRequirements
                {
                    Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("128Mi") },
                    Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new("256Mi") },
                },
                VolumeMounts = [new V1VolumeMount { Name = "kube-api-access", MountPath = "/var/run/secrets/kubernetes.io/serviceaccount", ReadOnlyProperty = true }],
                ImagePullPolicy = "IfNotPresent",
                TerminationMessagePath = "/dev/termination-log",
                TerminationMessagePolicy = "File",
            });
            var imageId = image[..image.LastIndexOf(':')] + "@sha256:" + Hex(random, 64);
            var started = Epoch.AddMinutes(c);
            var crashing = crashLoop && c == 0;
            statuses.Add(new V1ContainerStatus
            {
                Name = Containers[c],
                Image = image,
                ImageID = imageId,
                ContainerID = "containerd://" + Hex(random, 64),
                Ready = !crashing,
                Started = !crashing,
                RestartCount = crashing ? 3 : 0,
                State = crashing
                    ? new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff", Message = "back-off 40s restarting failed container" } }
                    : new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = started } },
                LastState = crashing
                    ? new V1ContainerState
                    {
                        Terminated = new V1ContainerStateTerminated
                        {
                            ExitCode = 1,
                            Reason = "Error",
                            StartedAt = started,
                            FinishedAt = started.AddSeconds(30),
                            ContainerID = "containerd://" + Hex(random, 64),
                        },
                    }
                    : new V1ContainerState(),
            });
        }

        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Namespace(index),
                Uid = Uid(random),
                ResourceVersion = resourceVersion.ToString(CultureInfo.InvariantCulture),
                CreationTimestamp = Epoch,
                GenerateName = rs + "-",
                Labels = new Dictionary<string, string>
                {
                    ["app"] = Deployment(index),
                    ["pod-template-hash"] = rs[(rs.LastIndexOf('-') + 1)..],
                    ["tier"] = index % 3 == 0 ? "frontend" : "backend",
                },
                Annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/restartedAt"] = "2024-04-30T09:00:00Z" },
                OwnerReferences =
                [
                    new V1OwnerReference { ApiVersion = "apps/v1", Kind = "ReplicaSet", Name = rs, Uid = Uid(new Random(rs.GetHashCode(StringComparison.Ordinal))), Controller = true, BlockOwnerDeletion = true },
                ],
            },
            Spec = new V1PodSpec
            {
                Containers = specs,
                NodeName = Node(index),
                ServiceAccountName = "default",
                RestartPolicy = "Always",
                DnsPolicy = "ClusterFirst",
                SchedulerName = "default-scheduler",
                TerminationGracePeriodSeconds = 30,
                Volumes = [new V1Volume { Name = "kube-api-access", Projected = new V1ProjectedVolumeSource { DefaultMode = 420, Sources = [new V1VolumeProjection { ServiceAccountToken = new V1ServiceAccountTokenProjection { Path = "token", ExpirationSeconds = 3607 } }] } }],
                Tolerations = [new V1Toleration { Key = "node.kubernetes.io/not-ready", OperatorProperty = "Exists", Effect = "NoExecute", TolerationSeconds = 300 }],
            },
            Status = new V1PodStatus
            {
                Phase = "Running",
                HostIP = "192.168.0." + (index % 50).ToString(CultureInfo.InvariantCulture),
                PodIP = ip,
                PodIPs = [new V1PodIP { Ip = ip }],
                StartTime = Epoch,
                QosClass = "Burstable",
                Conditions =
                [
                    new V1PodCondition { Type = "Initialized", Status = "True", LastTransitionTime = Epoch },
                    new V1PodCondition { Type = "Ready", Status = crashLoop ? "False" : "True", LastTransitionTime = Epoch },
                    new V1PodCondition { Type = "ContainersReady", Status = crashLoop ? "False" : "True", LastTransitionTime = Epoch },
                    new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = Epoch },
                ],
                ContainerStatuses = statuses,
            },
        };
    }

    private static ContainerInstance Instance(Random random, string podId, string container, string[] ips, string node, string digest, DateTime started, DateTime? finished, int exitCode, string reason) => new()
    {
        InstanceId = new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, Hex(random, 64), node),
        ContainingPodId = podId,
        ContainerName = container,
        ContainerIps = ips,
        Started = Timestamp.FromDateTime(started),
        ImageDigest = digest,
        Finished = finished is { } f ? Timestamp.FromDateTime(f) : null,
        ExitCode = exitCode,
        TerminationReason = reason,
    };

    private static string Namespace(int index) => "team-" + (index % 20).ToString("00", CultureInfo.InvariantCulture);

    private static string Deployment(int index) => "svc-" + (index / 20 % 500).ToString("000", CultureInfo.InvariantCulture);

    private static string PodName(int index) =>
        $"{Deployment(index)}-{(index / 20 % 500 * 7919 % 0xfffffff):x7}9-{Base36(index)}";

    private static string Node(int index) => "worker-" + (index % 50).ToString("00", CultureInfo.InvariantCulture);

    private static string Uid(Random random) => new Guid(RandomBytes(random, 16)).ToString("D");

    private static string Hex(Random random, int length) => Convert.ToHexStringLower(RandomBytes(random, length / 2));

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Base36(int value)
    {
        const string Digits = "bcdfghjklmnpqrstvwxz2456789";
        Span<char> chars = stackalloc char[5];
        for (var i = 4; i >= 0; i--)
        {
            chars[i] = Digits[value % Digits.Length];
            value /= Digits.Length;
        }

        return new string(chars);
    }
}
