using k8s.Models;

namespace PodExport.Server.Tests.Telemetry;

/// <summary>Kubernetes pods that make the pod store count an eviction and a dropped deleted pod.</summary>
internal static class StorePods
{
    private static readonly DateTime Started = new(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>A pod whose container <c>app</c> ran <paramref name="running"/> after the run <paramref name="lastRun"/> ended.</summary>
    public static V1Pod Restarted(string name, string uid, string lastRun, string? running)
    {
        var status = new V1ContainerStatus
        {
            Name = "app",
            Image = "app:1",
            ImageID = "docker.io/library/app@sha256:00",
            ContainerID = running is null ? null : "containerd://" + running,
            RestartCount = 1,
            State = running is null
                ? new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } }
                : new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Started.AddMinutes(5) } },
            LastState = new V1ContainerState
            {
                Terminated = new V1ContainerStateTerminated
                {
                    ContainerID = "containerd://" + lastRun,
                    ExitCode = 1,
                    Reason = "Error",
                    StartedAt = Started,
                    FinishedAt = Started.AddMinutes(4),
                },
            },
        };
        return Pod(name, uid, "shop", null, status);
    }

    /// <summary>A static (mirror-less) control-plane pod: retained after deletion while its group has a live pod.</summary>
    public static V1Pod ApiServer(string name, string uid) => Pod(
        name,
        uid,
        "kube-system",
        new Dictionary<string, string> { ["component"] = "kube-apiserver" },
        new V1ContainerStatus
        {
            Name = "kube-apiserver",
            Image = "kube-apiserver:1",
            ImageID = "registry.k8s.io/kube-apiserver@sha256:00",
            ContainerID = "containerd://" + uid,
            State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Started } },
        });

    private static V1Pod Pod(string name, string uid, string ns, IDictionary<string, string>? labels, V1ContainerStatus status) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Uid = uid, CreationTimestamp = Started, Labels = labels },
        Spec = new V1PodSpec { NodeName = "worker-1", Containers = [new V1Container { Name = status.Name, Image = status.Image }] },
        Status = new V1PodStatus { PodIP = "10.0.0.1", PodIPs = [new V1PodIP { Ip = "10.0.0.1" }], ContainerStatuses = [status] },
    };
}
