using System.Globalization;
using PodExport.Simulator.Scenario.Specs;

namespace PodExport.Simulator.Scenario;

public sealed partial class ScenarioEngine
{
    private long _eventsAtLastTick;
    private int _touches;

    /// <summary>
    /// One random churn action, then the next one paced so that all events since the previous tick, background ones
    /// included, spread at <see cref="ScenarioOptions.ChurnPerSecond"/>: random churn fills what the background
    /// behaviours leave of the target rate.
    /// </summary>
    private void ChurnTick()
    {
        var roll = _random.Next(100);
        if (roll < 35)
        {
            DeleteRandomOwnedPod();
        }
        else if (roll < 55)
        {
            CrashRandomContainer();
        }
        else if (roll < 70)
        {
            ScaleRandomDeployment();
        }
        else if (roll < 75)
        {
            ChurnStandalonePods();
        }
        else
        {
            TouchRandomPod();
        }

        var events = Interlocked.Read(ref _events);
        var produced = Math.Max(1, events - _eventsAtLastTick);
        _eventsAtLastTick = events;
        var seconds = Math.Min(60, produced / _options.ChurnPerSecond) * (0.5 + _random.NextDouble());
        At(TimeSpan.FromSeconds(Math.Max(seconds, 0.0001)), ChurnTick);
    }

    private SimPod? PickLivePod(Func<SimPod, bool> predicate)
    {
        for (var i = 0; i < 8 && _livePods.Count > 0; i++)
        {
            var pod = _random.Pick(_livePods);
            if (predicate(pod))
            {
                return pod;
            }
        }

        return null;
    }

    private void DeleteRandomOwnedPod()
    {
        if (PickLivePod(p => p.Owner is { Kind: not "Job" }) is { } pod)
        {
            DeletePod(pod);
        }
    }

    /// <summary>A one-off crash of a healthy container (exit 1 or 2, or an OOM kill), restarted after its back-off.</summary>
    private void CrashRandomContainer()
    {
        var pod = PickLivePod(p => p.Phase == "Running" && p.Template.RestartPolicy == "Always" && p.StaticComponent is null);
        var running = pod?.Containers.Where(c => c.Phase == ContainerPhase.Running).ToList();
        if (pod is null || running is not { Count: > 0 })
        {
            return;
        }

        var container = _random.Pick(running);
        var (exitCode, reason) = _random.Next(100) switch
        {
            < 60 => (1, "Error"),
            < 85 => (137, "OOMKilled"),
            _ => (2, "Error"),
        };
        Crash(pod, container, container.Generation, exitCode, reason);
    }

    private void ScaleRandomDeployment()
    {
        if (_deployments.Count == 0)
        {
            return;
        }

        var deployment = _random.Pick(_deployments);
        var current = deployment.Children.FindLast(c => !c.Deleted);
        if (deployment.RollingOut || current is null)
        {
            return;
        }

        var max = Math.Max(2, _options.MaxReplicas ?? (_options.Pods >= 2000 ? 20 : 5));
        var delta = deployment.Replicas <= 1 ? 1 : deployment.Replicas >= max ? -1 : _random.Chance(0.5) ? 1 : -1;
        deployment.Replicas += delta;
        deployment.Generation++;
        current.Replicas = deployment.Replicas;
        WriteWorkload(deployment);
        WriteWorkload(current);
        Reconcile(current);
    }

    /// <summary>
    /// Standalone pods come and go: a finished one is deleted (nobody else would), otherwise a new one starts, and
    /// past twice the target the oldest is deleted.
    /// </summary>
    private void ChurnStandalonePods()
    {
        if (_standalone.Find(p => p.IsTerminal) is { } finished)
        {
            DeletePod(finished);
        }
        else if (_standalone.Count < Math.Max(2, _standaloneTarget * 2))
        {
            Launch(NewStandalonePod(Stamp()));
        }
        else
        {
            DeletePod(_standalone[0]);
        }
    }

    /// <summary>A metadata-only change (an annotation), as controllers and users make all the time.</summary>
    private void TouchRandomPod()
    {
        if (PickLivePod(p => p.Bound) is not { } pod)
        {
            return;
        }

        _touches++;
        pod.Annotations = new Dictionary<string, string>(pod.Annotations ?? [])
        {
            [ManagedFields.TouchAnnotation] = _touches.ToString(CultureInfo.InvariantCulture),
        };
        pod.TouchedAt = Stamp();
        WritePod(pod);
    }
}
