using k8s.Models;

namespace PodExport.Simulator.Scenario;

/// <summary>
/// Turns the engine's <see cref="SimPod"/> into a new <see cref="V1Pod"/> for every write: the store stamps
/// <c>resourceVersion</c> on what it is given and may keep it, so no metadata, spec or status object is reused.
/// </summary>
internal static class PodBuilder
{
    public static V1Pod Build(SimPod pod, int gracePeriodSeconds)
    {
        var runtime = pod.Node?.Runtime ?? "containerd";
        var scheduled = pod.Bound && pod.Node is not null;
        var status = new V1PodStatus
        {
            Phase = pod.Phase,
            QosClass = "BestEffort",
            Conditions = Conditions(pod),
            StartTime = pod.StartTime,
        };
        if (pod.Node is not null && scheduled)
        {
            status.HostIP = pod.Node.InternalIp;
            status.HostIPs = [new V1HostIP { Ip = pod.Node.InternalIp }];
        }

        if (pod.Ipv4 is not null)
        {
            status.PodIP = pod.Ipv4;
            status.PodIPs = pod.Ipv6 is null ? [new V1PodIP { Ip = pod.Ipv4 }] : [new V1PodIP { Ip = pod.Ipv4 }, new V1PodIP { Ip = pod.Ipv6 }];
        }

        if (scheduled)
        {
            status.ContainerStatuses = [.. pod.Containers.Select(c => Status(c, runtime))];
            if (pod.InitContainer is not null)
            {
                status.InitContainerStatuses = [Status(pod.InitContainer, runtime)];
            }
        }

        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = Metadata(pod, gracePeriodSeconds),
            Spec = Spec(pod, scheduled, gracePeriodSeconds),
            Status = status,
        };
    }

    private static V1ObjectMeta Metadata(SimPod pod, int gracePeriodSeconds)
    {
        var meta = new V1ObjectMeta
        {
            Name = pod.Name,
            NamespaceProperty = pod.Namespace,
            Uid = pod.Uid,
            CreationTimestamp = pod.Created,
            Labels = pod.Labels,
            Annotations = pod.Annotations,
        };
        if (pod.OwnerReference is not null)
        {
            meta.OwnerReferences = [pod.OwnerReference];
            if (pod.Owner is not null && pod.Owner.Kind != "StatefulSet")
            {
                meta.GenerateName = pod.Owner.Name + "-";
            }
        }

        if (pod.DeletionTimestamp is not null)
        {
            meta.DeletionTimestamp = pod.DeletionTimestamp;
            meta.DeletionGracePeriodSeconds = gracePeriodSeconds;
        }

        return meta;
    }

    private static V1PodSpec Spec(SimPod pod, bool scheduled, int gracePeriodSeconds)
    {
        var spec = new V1PodSpec
        {
            Containers = [.. pod.Template.Containers.Select(c => new V1Container { Name = c.Name, Image = c.Image })],
            RestartPolicy = pod.Template.RestartPolicy,
            TerminationGracePeriodSeconds = gracePeriodSeconds,
            DnsPolicy = pod.HostNetwork ? "ClusterFirstWithHostNet" : "ClusterFirst",
            SchedulerName = "default-scheduler",
            ServiceAccountName = "default",
            HostNetwork = pod.HostNetwork ? true : null,
            NodeName = scheduled ? pod.Node?.Name : null,
        };
        if (pod.Template.InitContainer is { } init)
        {
            spec.InitContainers = [new V1Container { Name = init.Name, Image = init.Image }];
        }

        if (pod.StaticComponent is not null)
        {
            spec.PriorityClassName = "system-node-critical";
            spec.Priority = 2000001000;
        }

        return spec;
    }

    private static List<V1PodCondition> Conditions(SimPod pod)
    {
        var conditions = new List<V1PodCondition>(5);
        if (!pod.Bound)
        {
            return conditions;
        }

        var since = pod.StartTime ?? pod.Created;
        var completed = pod.IsTerminal;
        var initialized = pod.InitContainer is null || pod.InitContainer.Phase == ContainerPhase.Terminated;
        var ready = !completed && pod.Phase == "Running" && pod.Containers.All(c => c.Ready);
        var readyReason = completed ? "PodCompleted" : ready ? null : "ContainersNotReady";
        conditions.Add(Condition("PodReadyToStartContainers", true, since, null));
        conditions.Add(Condition("Initialized", initialized, since,
            completed ? "PodCompleted" : initialized ? null : "ContainersNotInitialized"));
        conditions.Add(Condition("Ready", ready, since, readyReason));
        conditions.Add(Condition("ContainersReady", ready, since, readyReason));
        conditions.Add(Condition("PodScheduled", true, pod.Created, null));
        return conditions;
    }

    private static V1PodCondition Condition(string type, bool status, DateTime since, string? reason) => new()
    {
        Type = type,
        Status = status ? "True" : "False",
        LastTransitionTime = since,
        Reason = reason,
    };

    private static V1ContainerStatus Status(SimContainer container, string runtime)
    {
        var state = container.Phase switch
        {
            ContainerPhase.Running => new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = container.StartedAt } },
            ContainerPhase.Terminated => new V1ContainerState { Terminated = container.Terminated },
            _ => new V1ContainerState
            {
                Waiting = new V1ContainerStateWaiting { Reason = container.WaitingReason, Message = container.WaitingMessage },
            },
        };
        var everStarted = container.ContainerId is not null;
        return new V1ContainerStatus
        {
            Name = container.Spec.Name,
            Image = container.Spec.Image,
            ImageID = everStarted ? container.Spec.ImageId(runtime) : string.Empty,
            ContainerID = container.ContainerId,
            Ready = container.Ready,
            Started = container.Phase == ContainerPhase.Running,
            RestartCount = container.RestartCount,
            State = state,
            LastState = container.LastTerminated is null
                ? new V1ContainerState()
                : new V1ContainerState { Terminated = container.LastTerminated },
        };
    }
}
