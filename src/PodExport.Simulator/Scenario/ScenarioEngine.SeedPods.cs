namespace PodExport.Simulator.Scenario;

public sealed partial class ScenarioEngine
{
    /// <summary>A seeded pod, already running for a while: one ADDED with its whole history in it.</summary>
    private void SeedRunning(SimPod pod)
    {
        var containerStart = SeedStart(pod);
        foreach (var c in pod.Containers)
        {
            c.ContainerId = NewContainerId(pod);
            c.StartedAt = Stamp(containerStart);
            c.Phase = ContainerPhase.Running;
            switch (c.Fault)
            {
                case ContainerFault.CrashLoop:
                    SeedCrashLoop(pod, c);
                    break;
                case ContainerFault.OomKill:
                    c.RestartCount = _random.Next(1, 4);
                    var lived = (_now - containerStart) * (0.3 + (0.6 * _random.NextDouble()));
                    var finished = containerStart + lived;
                    c.LastTerminated = Terminate(pod, c, false, 137, "OOMKilled", Stamp(finished));
                    c.ContainerId = NewContainerId(pod);
                    c.StartedAt = Stamp(finished + TimeSpan.FromSeconds(10));
                    c.Phase = ContainerPhase.Running;
                    c.Terminated = null;
                    break;
                default:
                    break;
            }
        }

        pod.Phase = "Running";
        WritePod(pod, create: true);
        foreach (var c in pod.Containers)
        {
            ScheduleFault(pod, c);
        }
    }

    private void SeedCrashLoop(SimPod pod, SimContainer c)
    {
        c.RestartCount = _random.Next(3, 40);
        c.BackoffSeconds = 300;
        var finished = _now - _random.Seconds(20, 280);
        c.StartedAt = Stamp(finished - _random.Seconds(5, 30));
        c.LastTerminated = Terminate(pod, c, false, 1, "Error", Stamp(finished));
        c.Terminated = null;

        // At the 300 s back-off cap a crash-looping container waits far longer than it runs: most are caught
        // waiting, and their restarts spread over the next five minutes instead of all crashing at once.
        if (_random.Chance(0.9))
        {
            // Kubernetes reports the waiting container with the ID of the run that just ended (pod-model M-18).
            c.Phase = ContainerPhase.Waiting;
            c.WaitingReason = "CrashLoopBackOff";
            c.WaitingMessage = BackoffMessage(pod, c, 300);
            c.StartedAt = null;
            var generation = c.Generation;
            var restartAt = finished + TimeSpan.FromSeconds(300) - _now;
            At(restartAt > TimeSpan.FromSeconds(1) ? restartAt : TimeSpan.FromSeconds(1), () => Restart(pod, c, generation));
        }
        else
        {
            c.ContainerId = NewContainerId(pod);
            c.StartedAt = Stamp(finished + TimeSpan.FromSeconds(1));
            c.Phase = ContainerPhase.Running;
        }
    }

    /// <summary>A seeded pod that already ran to completion (Job pods, some standalone pods).</summary>
    private void SeedFinished(SimPod pod, DateTime finished)
    {
        var containerStart = SeedStart(pod);
        var exitCode = pod.CompletionExitCode ?? 0;
        foreach (var c in pod.Containers)
        {
            c.ContainerId = NewContainerId(pod);
            c.StartedAt = Stamp(containerStart);
            Terminate(pod, c, false, exitCode, exitCode == 0 ? "Completed" : "Error", finished);
        }

        pod.Phase = exitCode == 0 ? "Succeeded" : "Failed";
        WritePod(pod, create: true);
    }

    /// <summary>Binds a seeded pod, completes its init container; returns when its main containers started.</summary>
    private DateTimeOffset SeedStart(SimPod pod)
    {
        var node = pod.Node ??= _random.Pick(_workers);
        pod.Bound = true;
        node.Pods.Add(pod);
        var start = new DateTimeOffset(pod.Created, TimeSpan.Zero) + _random.Seconds(1, 3);
        pod.StartTime = Stamp(start);
        AssignIps(pod);
        var containerStart = start + _random.Seconds(3, 8);
        if (pod.InitContainer is { } init)
        {
            init.ContainerId = NewContainerId(pod);
            init.StartedAt = Stamp(start + TimeSpan.FromSeconds(1));
            Terminate(pod, init, true, 0, "Completed", Stamp(containerStart - TimeSpan.FromSeconds(1)));
        }

        return containerStart;
    }
}
