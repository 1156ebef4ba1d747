using System.Globalization;
using k8s.Models;

namespace PodExport.Simulator.Scenario;

public sealed partial class ScenarioEngine
{
    /// <summary>Pod addresses per node: a /22 less the network and broadcast addresses of its four /24s.</summary>
    private const int HostsPerNode = 1016;

    private readonly List<SimPod> _livePods = [];

    private void WritePod(SimPod pod, bool create = false)
    {
        var obj = PodBuilder.Build(pod, _options.GracePeriodSeconds);
        if (!(create ? Create(obj) : Update(obj)))
        {
            Lost(pod);
            return;
        }

        // Ground truth holds what watchers can see: a termination joins it with the first write that shows it.
        if (pod.InitContainer?.Unpublished is { } init)
        {
            _terminated.Enqueue(init);
            pod.InitContainer.Unpublished = null;
        }

        foreach (var c in pod.Containers)
        {
            if (c.Unpublished is { } terminated)
            {
                _terminated.Enqueue(terminated);
                c.Unpublished = null;
            }
        }
    }

    /// <summary>
    /// The store refused a write of the pod: it was deleted (or replaced) through the API. The engine forgets it and,
    /// like a real controller, its owner replaces it.
    /// </summary>
    private void Lost(SimPod pod)
    {
        if (pod.Finished)
        {
            return;
        }

        pod.DeletionTimestamp = Stamp();
        RemoveLive(pod);
        _standalone.Remove(pod);
        if (pod.Bound)
        {
            pod.Node?.Pods.Remove(pod);
        }

        if (pod.Owner is { } owner)
        {
            owner.Pods.Remove(pod);
            At(_random.Seconds(0.2, 1), () => Reconcile(owner));
        }
    }

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
        if (_random.Chance(0.5))
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

    /// <summary>A new pod: ADDED (Pending, unscheduled), then bound, then running, each a MODIFIED.</summary>
    private void Launch(SimPod pod)
    {
        WritePod(pod, create: true);
        At(_random.Seconds(0.05, 1), () => Bind(pod));
    }

    private void Bind(SimPod pod)
    {
        if (pod.Finished)
        {
            return;
        }

        if (pod.Node is null || (pod.Node.Unschedulable && pod.Owner?.Kind != "DaemonSet"))
        {
            pod.Node = PickNode();
            if (pod.Node is null)
            {
                At(_random.Seconds(5, 15), () => Bind(pod));
                return;
            }
        }

        pod.Bound = true;
        pod.Node.Pods.Add(pod);
        pod.StartTime = Stamp();
        if (pod.InitContainer is { } init)
        {
            StartContainer(pod, init);
            foreach (var c in pod.Containers)
            {
                c.WaitingReason = "PodInitializing";
            }
        }

        WritePod(pod);
        At(_random.Seconds(1, 5), () => Start(pod));
    }

    private void Start(SimPod pod)
    {
        if (pod.Finished)
        {
            return;
        }

        if (pod.InitContainer is { Phase: ContainerPhase.Running } init)
        {
            Terminate(pod, init, true, 0, "Completed");
        }

        AssignIps(pod);
        foreach (var c in pod.Containers)
        {
            StartContainer(pod, c);
        }

        pod.Phase = "Running";
        WritePod(pod);
        foreach (var c in pod.Containers)
        {
            ScheduleFault(pod, c);
        }

        if (pod.CompletionExitCode is not null)
        {
            At(pod.Owner is null ? _random.Seconds(20, 120) : _random.Seconds(5, 60), () => Complete(pod));
        }
    }

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

    private void Complete(SimPod pod)
    {
        if (pod.Finished || pod.IsTerminal)
        {
            return;
        }

        var exitCode = pod.CompletionExitCode ?? 0;
        foreach (var c in pod.Containers.Where(c => c.Phase == ContainerPhase.Running))
        {
            Terminate(pod, c, false, exitCode, exitCode == 0 ? "Completed" : "Error");
        }

        pod.Phase = exitCode == 0 ? "Succeeded" : "Failed";
        WritePod(pod);
        if (pod.Owner is { Kind: "Job" } job)
        {
            JobFinished(job, exitCode == 0);
        }
    }

    /// <summary>
    /// Graceful deletion as the API server and kubelet show it: MODIFIED with <c>deletionTimestamp</c> and the running
    /// containers terminated, then DELETED. The engine writes both itself so that it knows every terminated instance.
    /// Controllers replace the pod at once (StatefulSets once it is gone, under the same name).
    /// </summary>
    private void DeletePod(SimPod pod)
    {
        if (pod.Finished)
        {
            return;
        }

        pod.DeletionTimestamp = Stamp(_now + TimeSpan.FromSeconds(_options.GracePeriodSeconds));
        RemoveLive(pod);
        _standalone.Remove(pod);
        var exitCode = _random.Chance(0.8) ? 0 : 143;
        var reason = exitCode == 0 ? "Completed" : "Error";
        if (pod.InitContainer is { Phase: ContainerPhase.Running } init)
        {
            Terminate(pod, init, true, exitCode, reason);
        }

        foreach (var c in pod.Containers.Where(c => c.Phase == ContainerPhase.Running))
        {
            Terminate(pod, c, false, exitCode, reason);
        }

        WritePod(pod);
        var owner = pod.Owner;
        if (owner is not null && owner.Kind != "StatefulSet")
        {
            At(_random.Seconds(0.2, 1), () => Reconcile(owner));
        }

        var gone = Math.Clamp(_options.GracePeriodSeconds, 1.5, 8);
        At(_random.Seconds(1, gone), () =>
        {
            Remove("Pod", pod.Namespace, pod.Name);
            if (pod.Bound)
            {
                pod.Node?.Pods.Remove(pod);
            }

            owner?.Pods.Remove(pod);
            if (owner is { Kind: "StatefulSet" })
            {
                At(_random.Seconds(0.2, 1), () => Reconcile(owner));
            }
        });
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

    private string NewContainerId(SimPod pod) => $"{pod.Node?.Runtime ?? "containerd"}://{_random.Hex64()}";

    private static void AssignIps(SimPod pod)
    {
        var node = pod.Node;
        if (pod.Ipv4 is not null || node is null)
        {
            return;
        }

        if (pod.HostNetwork)
        {
            pod.Ipv4 = node.InternalIp;
            return;
        }

        var host = node.NextHost;
        node.NextHost = (host + 1) % HostsPerNode;
        pod.Ipv4 = string.Create(CultureInfo.InvariantCulture,
            $"10.{64 + (node.Index / 64)}.{(node.Index % 64 * 4) + (host / 254)}.{(host % 254) + 1}");
        if (pod.DualStack)
        {
            pod.Ipv6 = string.Create(CultureInfo.InvariantCulture, $"fd00:10:{node.Index:x}::{host + 1:x}");
        }
    }

    private SimNode? PickNode()
    {
        for (var i = 0; i < 8; i++)
        {
            var node = _random.Pick(_workers);
            if (!node.Unschedulable)
            {
                return node;
            }
        }

        return _workers.Find(n => !n.Unschedulable);
    }

    private void RemoveLive(SimPod pod)
    {
        var index = pod.LiveIndex;
        if (index < 0)
        {
            return;
        }

        var last = _livePods[^1];
        _livePods[index] = last;
        last.LiveIndex = index;
        _livePods.RemoveAt(_livePods.Count - 1);
        pod.LiveIndex = -1;
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
