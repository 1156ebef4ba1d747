using System.Globalization;
using k8s;
using k8s.Models;

namespace PodExport.Simulator.Scenario;

/// <summary>
/// Turns the engine's workloads, nodes and namespaces into new KubernetesClient objects for every write. Status
/// counters follow the desired replicas (the gateway reads owners' metadata only; kubectl shows the counters).
/// </summary>
internal static class WorkloadBuilder
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

    public static IKubernetesObject<V1ObjectMeta> Build(SimWorkload w, int nodeCount) => w.Kind switch
    {
        "Deployment" => Deployment(w),
        "ReplicaSet" => ReplicaSet(w),
        "StatefulSet" => StatefulSet(w),
        "DaemonSet" => DaemonSet(w, nodeCount),
        "ReplicationController" => ReplicationController(w),
        "Job" => Job(w),
        "CronJob" => CronJob(w),
        _ => throw new InvalidOperationException($"Unexpected workload kind {w.Kind}."),
    };

    private static V1ObjectMeta Meta(SimWorkload w)
    {
        var meta = new V1ObjectMeta
        {
            Name = w.Name,
            NamespaceProperty = w.Namespace,
            Uid = w.Uid,
            CreationTimestamp = w.Created,
            Labels = w.Labels,
            Generation = w.Generation,
        };
        if (w.Parent is not null)
        {
            meta.OwnerReferences = [w.Parent.ToOwnerReference()];
        }

        return meta;
    }

    private static V1PodTemplateSpec PodTemplate(PodTemplate template, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Labels = labels ?? template.Labels },
        Spec = new V1PodSpec
        {
            Containers = [.. template.Containers.Select(c => new V1Container { Name = c.Name, Image = c.Image })],
            InitContainers = template.InitContainer is { } init ? [new V1Container { Name = init.Name, Image = init.Image }] : null,
            RestartPolicy = template.RestartPolicy,
        },
    };

    private static V1JobCondition JobCondition(string type, DateTime? since, string? reason) => new()
    {
        Type = type,
        Status = "True",
        LastTransitionTime = since,
        LastProbeTime = since,
        Reason = reason,
    };

    private static V1Deployment Deployment(SimWorkload w)
    {
        var replicaSets = w.Children.Where(c => !c.Deleted).ToList();
        var current = replicaSets.Count > 0 ? replicaSets[^1].Replicas : 0;
        var total = replicaSets.Sum(r => r.Replicas);
        var meta = Meta(w);
        meta.Annotations = new Dictionary<string, string>
        {
            ["deployment.kubernetes.io/revision"] = w.Revision.ToString(CultureInfo.InvariantCulture),
        };
        return new V1Deployment
        {
            ApiVersion = "apps/v1",
            Kind = "Deployment",
            Metadata = meta,
            Spec = new V1DeploymentSpec
            {
                Replicas = w.Replicas,
                Selector = new V1LabelSelector { MatchLabels = w.Selector },
                Template = PodTemplate(w.Template),
                RevisionHistoryLimit = 10,
                Strategy = new V1DeploymentStrategy
                {
                    Type = "RollingUpdate",
                    RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "25%", MaxUnavailable = "25%" },
                },
            },
            Status = new V1DeploymentStatus
            {
                ObservedGeneration = w.Generation,
                Replicas = total,
                UpdatedReplicas = current,
                ReadyReplicas = total,
                AvailableReplicas = total,
            },
        };
    }

    private static V1ReplicaSet ReplicaSet(SimWorkload w)
    {
        var meta = Meta(w);
        meta.Annotations = new Dictionary<string, string>
        {
            ["deployment.kubernetes.io/revision"] = w.Revision.ToString(CultureInfo.InvariantCulture),
            ["deployment.kubernetes.io/desired-replicas"] = (w.Parent?.Replicas ?? w.Replicas).ToString(CultureInfo.InvariantCulture),
            ["deployment.kubernetes.io/max-replicas"] = (w.Parent?.Replicas ?? w.Replicas).ToString(CultureInfo.InvariantCulture),
        };
        return new V1ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = "ReplicaSet",
            Metadata = meta,
            Spec = new V1ReplicaSetSpec
            {
                Replicas = w.Replicas,
                Selector = new V1LabelSelector { MatchLabels = w.Selector },
                Template = PodTemplate(w.Template),
            },
            Status = new V1ReplicaSetStatus
            {
                ObservedGeneration = w.Generation,
                Replicas = w.Replicas,
                FullyLabeledReplicas = w.Replicas,
                ReadyReplicas = w.Replicas,
                AvailableReplicas = w.Replicas,
            },
        };
    }

    private static V1StatefulSet StatefulSet(SimWorkload w) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "StatefulSet",
        Metadata = Meta(w),
        Spec = new V1StatefulSetSpec
        {
            Replicas = w.Replicas,
            ServiceName = w.Name,
            Selector = new V1LabelSelector { MatchLabels = w.Selector },
            Template = PodTemplate(w.Template),
            PodManagementPolicy = "OrderedReady",
            UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "RollingUpdate" },
        },
        Status = new V1StatefulSetStatus
        {
            ObservedGeneration = w.Generation,
            Replicas = w.Replicas,
            ReadyReplicas = w.Replicas,
            CurrentReplicas = w.Replicas,
            UpdatedReplicas = w.Replicas,
            AvailableReplicas = w.Replicas,
            CurrentRevision = $"{w.Name}-{w.TemplateHash}",
            UpdateRevision = $"{w.Name}-{w.TemplateHash}",
        },
    };

    private static V1DaemonSet DaemonSet(SimWorkload w, int nodeCount) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "DaemonSet",
        Metadata = Meta(w),
        Spec = new V1DaemonSetSpec
        {
            Selector = new V1LabelSelector { MatchLabels = w.Selector },
            Template = PodTemplate(w.Template),
            UpdateStrategy = new V1DaemonSetUpdateStrategy { Type = "RollingUpdate" },
        },
        Status = new V1DaemonSetStatus
        {
            ObservedGeneration = w.Generation,
            CurrentNumberScheduled = nodeCount,
            DesiredNumberScheduled = nodeCount,
            NumberMisscheduled = 0,
            NumberReady = nodeCount,
            NumberAvailable = nodeCount,
            UpdatedNumberScheduled = nodeCount,
        },
    };

    private static V1ReplicationController ReplicationController(SimWorkload w) => new()
    {
        ApiVersion = "v1",
        Kind = "ReplicationController",
        Metadata = Meta(w),
        Spec = new V1ReplicationControllerSpec
        {
            Replicas = w.Replicas,
            Selector = w.Selector,
            Template = PodTemplate(w.Template),
        },
        Status = new V1ReplicationControllerStatus
        {
            ObservedGeneration = w.Generation,
            Replicas = w.Replicas,
            FullyLabeledReplicas = w.Replicas,
            ReadyReplicas = w.Replicas,
            AvailableReplicas = w.Replicas,
        },
    };

    private static V1Job Job(SimWorkload w)
    {
        var status = new V1JobStatus { StartTime = w.Created };
        switch (w.JobOutcome)
        {
            case "Complete":
                status.Succeeded = 1;
                status.CompletionTime = w.JobCompletion;
                status.Conditions =
                [
                    JobCondition("SuccessCriteriaMet", w.JobCompletion, null),
                    JobCondition("Complete", w.JobCompletion, null),
                ];
                break;
            case "Failed":
                status.Failed = 1;
                status.Conditions =
                [
                    JobCondition("FailureTarget", w.JobCompletion, "BackoffLimitExceeded"),
                    JobCondition("Failed", w.JobCompletion, "BackoffLimitExceeded"),
                ];
                break;
            default:
                status.Active = w.Pods.Count(p => !p.IsTerminal);
                status.Ready = w.Pods.Count(p => p.Phase == "Running");
                break;
        }

        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = Meta(w),
            Spec = new V1JobSpec
            {
                Completions = 1,
                Parallelism = 1,
                BackoffLimit = 0,
                Selector = new V1LabelSelector { MatchLabels = w.Selector },
                Template = PodTemplate(w.Template),
            },
            Status = status,
        };
    }

    private static V1CronJob CronJob(SimWorkload w) => new()
    {
        ApiVersion = "batch/v1",
        Kind = "CronJob",
        Metadata = Meta(w),
        Spec = new V1CronJobSpec
        {
            Schedule = w.TemplateHash ?? "*/5 * * * *",
            ConcurrencyPolicy = "Forbid",
            SuccessfulJobsHistoryLimit = 3,
            FailedJobsHistoryLimit = 1,
            JobTemplate = new V1JobTemplateSpec
            {
                Spec = new V1JobSpec { BackoffLimit = 0, Template = PodTemplate(w.Template) },
            },
        },
        Status = new V1CronJobStatus
        {
            LastScheduleTime = w.LastSchedule,
            LastSuccessfulTime = w.LastSuccess,
            Active = w.Children.Exists(j => !j.Deleted && j.JobOutcome is null)
                ? [.. w.Children.Where(j => !j.Deleted && j.JobOutcome is null).Select(j => new V1ObjectReference
                {
                    ApiVersion = "batch/v1",
                    Kind = "Job",
                    Name = j.Name,
                    NamespaceProperty = j.Namespace,
                    Uid = j.Uid,
                })]
                : null,
        },
    };
}
