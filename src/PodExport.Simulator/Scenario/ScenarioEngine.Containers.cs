using System.Globalization;
using k8s.Models;

namespace PodExport.Simulator.Scenario;

public sealed partial class ScenarioEngine
{
    private void StartContainer(SimPod pod, SimContainer c)
    {
        c.ContainerId = NewContainerId(pod);
        c.StartedAt = Stamp();
        c.Phase = ContainerPhase.Running;
        c.Terminated = null;
        c.WaitingMessage = null;
        c.Generation++;
    }

    private void ScheduleFault(SimPod pod, SimContainer c)
    {
        if (c.Phase != ContainerPhase.Running)
        {
            return;
        }

        var generation = c.Generation;
        switch (c.Fault)
        {
            case ContainerFault.CrashLoop:
                At(_random.Seconds(5, 60), () => Crash(pod, c, generation, 1, "Error"));
                break;
            case ContainerFault.OomKill:
                At(_random.Seconds(120, 1800), () => Crash(pod, c, generation, 137, "OOMKilled"));
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// A container ends and is restarted after its back-off. Slow restarts show <c>state.terminated</c>, then
    /// <c>waiting: CrashLoopBackOff</c> with <c>lastState</c>, then the new run; fast ones only the new run with
    /// <c>lastState</c> (spec D.2 fidelity: the gateway must handle both).
    /// </summary>
    private void Crash(SimPod pod, SimContainer c, int generation, int exitCode, string reason)
    {
        if (pod.Finished || c.Generation != generation || c.Phase != ContainerPhase.Running)
        {
            return;
        }

        Terminate(pod, c, false, exitCode, reason);
        var backoff = c.BackoffSeconds;
        c.BackoffSeconds = Math.Min(300, backoff * 2);
        if (_random.Chance(_options.FastRestartFraction))
        {
            At(TimeSpan.FromSeconds(backoff), () => Restart(pod, c, generation));
            return;
        }

        WritePod(pod);
        At(_random.Seconds(0.5, 2), () =>
        {
            if (pod.Finished || c.Generation != generation || c.Phase != ContainerPhase.Terminated)
            {
                return;
            }

            c.Phase = ContainerPhase.Waiting;
            c.WaitingReason = "CrashLoopBackOff";
            c.WaitingMessage = BackoffMessage(pod, c, backoff);
            c.LastTerminated = c.Terminated;
            c.Terminated = null;
            c.RestartCount++;
            WritePod(pod);
            At(TimeSpan.FromSeconds(backoff), () => Restart(pod, c, generation));
        });
    }

    private void Restart(SimPod pod, SimContainer c, int generation)
    {
        if (pod.Finished || c.Generation != generation)
        {
            return;
        }

        if (c.Phase == ContainerPhase.Terminated)
        {
            c.LastTerminated = c.Terminated;
            c.RestartCount++;
        }
        else if (c.Phase != ContainerPhase.Waiting)
        {
            return;
        }

        StartContainer(pod, c);
        WritePod(pod);
        ScheduleFault(pod, c);
    }

    private V1ContainerStateTerminated Terminate(SimPod pod, SimContainer c, bool init, int exitCode, string reason, DateTime? finishedAt = null)
    {
        var finished = finishedAt ?? Stamp();
        var started = c.StartedAt ?? finished;
        var id = c.ContainerId ?? string.Empty;
        var terminated = new V1ContainerStateTerminated
        {
            ExitCode = exitCode,
            Reason = reason,
            StartedAt = started,
            FinishedAt = finished,
            ContainerID = id,
        };
        c.Phase = ContainerPhase.Terminated;
        c.Terminated = terminated;
        c.Unpublished = new TerminatedContainer(
            pod.Uid, pod.Namespace, pod.Name, c.Spec.Name, init, id, started, finished, exitCode, reason);
        return terminated;
    }

    /// <summary>The kubelet's message, with the back-off written as a Go duration (<c>1m20s</c>, <c>5m0s</c>).</summary>
    private static string BackoffMessage(SimPod pod, SimContainer c, int seconds)
    {
        var duration = seconds < 60
            ? string.Create(CultureInfo.InvariantCulture, $"{seconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m{seconds % 60}s");
        return $"back-off {duration} restarting failed container={c.Spec.Name} pod={pod.Name}_{pod.Namespace}({pod.Uid})";
    }
}
