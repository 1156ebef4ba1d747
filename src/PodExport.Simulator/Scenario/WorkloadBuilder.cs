using System.Globalization;
using k8s;
using k8s.Models;

namespace PodExport.Simulator.Scenario;

/// <summary>
/// Turns the engine's workloads into new KubernetesClient objects for every write. Status
/// counters follow the desired replicas (the gateway reads owners' metadata only; kubectl shows the counters).
/// </summary>
internal static class WorkloadBuilder
{
    // The API server's default; pods get the scenario's configured grace period, templates show the default.
    private const int TemplateGracePeriodSeconds = 30;

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

    private static V1PodTemplateSpec PodTemplate(SimWorkload w) => new()
    {
        Metadata = new V1ObjectMeta { Labels = w.Template.Labels, Annotations = w.Template.Profile.Annotations },
        Spec = PodBuilder.TemplateSpec(w.Template, TemplateGracePeriodSeconds, hostNetwork: w.Namespace == "kube-system" && w.Kind == "DaemonSet"),
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
                Template = PodTemplate(w),
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
                Template = PodTemplate(w),
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
            Template = PodTemplate(w),
            PodManagementPolicy = "OrderedReady",
            UpdateStrategy = new V1StatefulSetUpdateStrategy { Type = "RollingUpdate" },
            VolumeClaimTemplates = w.Template.Profile.ClaimTemplate is { } claim
                ?
                [
                    new V1PersistentVolumeClaim
                    {
                        ApiVersion = "v1",
                        Kind = "PersistentVolumeClaim",
                        Metadata = new V1ObjectMeta { Name = claim },
                        Spec = new V1PersistentVolumeClaimSpec
                        {
                            AccessModes = ["ReadWriteOnce"],
                            Resources = new V1VolumeResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity> { ["storage"] = new("10Gi") },
                            },
                            VolumeMode = "Filesystem",
                        },
                        Status = new V1PersistentVolumeClaimStatus { Phase = "Pending" },
                    },
                ]
                : null,
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
            Template = PodTemplate(w),
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
            Template = PodTemplate(w),
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
                Template = PodTemplate(w),
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
                Spec = new V1JobSpec { BackoffLimit = 0, Template = PodTemplate(w) },
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
