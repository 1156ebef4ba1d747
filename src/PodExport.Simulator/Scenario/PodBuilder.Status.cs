using k8s.Models;

namespace PodExport.Simulator.Scenario;

internal static partial class PodBuilder
{
    /// <summary>
    /// The profile's class, unless a container the profile does not shape (a sidecar or init container built bare,
    /// without requests or limits) rules out Guaranteed, as kube-apiserver's QoS rule would.
    /// </summary>
    private static string QosClass(PodTemplate template)
    {
        var profile = template.Profile;
        var bare = template.Containers.Count > profile.Containers.Count
            || (template.InitContainer is not null && profile.InitContainer is null);
        return bare && profile.QosClass == "Guaranteed" ? "Burstable" : profile.QosClass;
    }

    private static V1PodStatus Status(SimPod pod, bool scheduled, V1PodSpec spec)
    {
        var runtime = pod.Node?.Runtime ?? "containerd";
        var status = new V1PodStatus
        {
            Phase = pod.Phase,
            QosClass = QosClass(pod.Template),
            Conditions = pod.Bound ? Conditions(pod) : null,
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
            status.ContainerStatuses = [.. pod.Containers.Select((c, i) => Status(c, runtime, spec.Containers[i]))];
            if (pod.InitContainer is not null && spec.InitContainers is [var init, ..])
            {
                status.InitContainerStatuses = [Status(pod.InitContainer, runtime, init)];
            }
        }

        return status;
    }

    /// <summary>When the kubelet last wrote the status: the newest timestamp in it.</summary>
    private static DateTime? LastStatusChange(V1PodStatus status)
    {
        var last = status.StartTime;
        foreach (var c in (status.ContainerStatuses ?? []).Concat(status.InitContainerStatuses ?? []))
        {
            last = Max(last, c.State?.Running?.StartedAt);
            last = Max(last, c.State?.Terminated?.FinishedAt);
            last = Max(last, c.LastState?.Terminated?.FinishedAt);
        }

        foreach (var condition in status.Conditions ?? [])
        {
            last = Max(last, condition.LastTransitionTime);
        }

        return last;
    }

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static List<V1PodCondition> Conditions(SimPod pod)
    {
        var conditions = new List<V1PodCondition>(5);
        var since = pod.StartTime ?? pod.Created;
        var completed = pod.IsTerminal;
        var initialized = pod.InitContainer is null || pod.InitContainer.Phase == ContainerPhase.Terminated;
        var ready = !completed && pod.Phase == "Running" && pod.Containers.All(c => c.Ready);
        var readyReason = completed ? "PodCompleted" : ready ? null : "ContainersNotReady";

        // The kubelet names the containers that hold a condition back (pkg/kubelet/status generate.go).
        var unready = readyReason == "ContainersNotReady"
            ? "containers with unready status: [" + string.Join(' ', pod.Containers.Where(c => !c.Ready).Select(c => c.Spec.Name)) + "]"
            : null;
        // A finished pod's sandbox is gone: the kubelet turns this condition off when it tears it down.
        var sandboxGone = completed ? pod.Containers.Max(c => c.Terminated?.FinishedAt) : null;
        conditions.Add(Condition("PodReadyToStartContainers", sandboxGone is null, sandboxGone ?? since, null, null));
        conditions.Add(Condition("Initialized", initialized, since,
            completed ? "PodCompleted" : initialized ? null : "ContainersNotInitialized",
            completed || initialized ? null : "containers with incomplete status: [" + pod.InitContainer!.Spec.Name + "]"));
        conditions.Add(Condition("Ready", ready, since, readyReason, unready));
        conditions.Add(Condition("ContainersReady", ready, since, readyReason, unready));
        conditions.Add(Condition("PodScheduled", true, pod.Created, null, null));
        return conditions;
    }

    private static V1PodCondition Condition(string type, bool status, DateTime since, string? reason, string? message) => new()
    {
        Type = type,
        Status = status ? "True" : "False",
        LastTransitionTime = since,
        Reason = reason,
        Message = message,
    };

    private static V1ContainerStatus Status(SimContainer container, string runtime, V1Container spec)
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

            // Kubelets from 1.31 (RecursiveReadOnlyMounts, beta) report the mounts of every container the runtime
            // created; read-only ones with the recursive mode it resolved.
            VolumeMounts = everStarted && spec.VolumeMounts is { Count: > 0 } mounts ? [.. mounts.Select(MountStatus)] : null,
        };
    }

    private static V1VolumeMountStatus MountStatus(V1VolumeMount mount) => new()
    {
        Name = mount.Name,
        MountPath = mount.MountPath,
        ReadOnlyProperty = mount.ReadOnlyProperty == true ? true : null,
        RecursiveReadOnly = mount.ReadOnlyProperty == true ? "Disabled" : null,
    };
}
