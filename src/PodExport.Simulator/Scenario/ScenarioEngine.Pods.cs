using System.Globalization;

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
}
