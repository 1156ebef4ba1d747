using k8s.Models;

namespace PodExport.Simulator.State;

/// <summary>What the kubelet reports when a pod is deleted gracefully: every container terminated.</summary>
internal static class PodTermination
{
    public const long DefaultGracePeriodSeconds = 30;

    public static void Terminate(V1Pod pod, DateTime now)
    {
        var statuses = (pod.Status?.ContainerStatuses ?? [])
            .Concat(pod.Status?.InitContainerStatuses ?? [])
            .Concat(pod.Status?.EphemeralContainerStatuses ?? []);
        foreach (var status in statuses)
        {
            if (status.State?.Terminated is not null)
            {
                continue;
            }

            status.State = new V1ContainerState
            {
                Terminated = new V1ContainerStateTerminated
                {
                    ExitCode = 0,
                    Reason = "Completed",
                    StartedAt = status.State?.Running?.StartedAt,
                    FinishedAt = now,
                    ContainerID = status.ContainerID,
                },
            };
            status.Ready = false;
            status.Started = false;
        }
    }
}
