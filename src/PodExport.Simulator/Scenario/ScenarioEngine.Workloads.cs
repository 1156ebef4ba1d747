using System.Globalization;

namespace PodExport.Simulator.Scenario;

public sealed partial class ScenarioEngine
{
    /// <summary>What the owning controller does when its pods are fewer (or more) than it wants.</summary>
    private void Reconcile(SimWorkload owner)
    {
        if (owner.Deleted)
        {
            return;
        }

        switch (owner.Kind)
        {
            case "ReplicaSet" or "ReplicationController":
                var active = owner.Pods.Where(p => !p.Finished).ToList();
                for (var i = active.Count; i < owner.Replicas; i++)
                {
                    Launch(NewOwnedPod(owner, Stamp()));
                }

                for (var i = active.Count - 1; i >= owner.Replicas; i--)
                {
                    DeletePod(active[i]);
                }

                break;
            case "DaemonSet":
                var covered = owner.Pods.Where(p => !p.Finished && p.Node is not null).Select(p => p.Node!).ToHashSet();
                foreach (var node in _nodes.Where(n => !covered.Contains(n)))
                {
                    Launch(NewOwnedPod(owner, Stamp(), node: node, hostNetwork: owner.Namespace == "kube-system"));
                }

                break;
            case "StatefulSet":
                for (var ordinal = 0; ordinal < owner.Replicas; ordinal++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"{owner.Name}-{ordinal}");
                    if (!owner.Pods.Exists(p => p.Name == name))
                    {
                        Launch(NewOwnedPod(owner, Stamp(), ordinal: ordinal));
                    }
                }

                break;
            case "Job":
                if (owner.JobOutcome is null && !owner.Pods.Exists(p => !p.Finished))
                {
                    Launch(NewOwnedPod(owner, Stamp(), completionExitCode: _random.Chance(0.85) ? 0 : 1));
                }

                break;
            default:
                break;
        }
    }

    private void WriteWorkload(SimWorkload workload) => Update(WorkloadBuilder.Build(workload, _nodes.Count));

    private void ScheduleRollout()
    {
        if (_options.RolloutsPerHour > 0)
        {
            At(_random.Exponential(TimeSpan.FromHours(1 / _options.RolloutsPerHour)), Rollout);
        }
    }

    /// <summary>A new pod template: Deployments get a new ReplicaSet, StatefulSets replace pods in reverse ordinal order.</summary>
    private void Rollout()
    {
        ScheduleRollout();
        if (_statefulSets.Count > 0 && (_deployments.Count == 0 || _random.Chance(0.2)))
        {
            RolloutStatefulSet(_random.Pick(_statefulSets));
            return;
        }

        if (_deployments.Count == 0)
        {
            return;
        }

        var deployment = _random.Pick(_deployments);
        if (deployment.RollingOut)
        {
            return;
        }

        deployment.RollingOut = true;
        deployment.Revision++;
        deployment.Generation++;
        deployment.Template = Revise(deployment.Template, deployment.Revision);
        var replicaSet = NewReplicaSet(deployment, deployment.Template, deployment.Revision, 0, Stamp());
        Create(WorkloadBuilder.Build(replicaSet, _nodes.Count));
        WriteWorkload(deployment);
        At(_random.Seconds(1, 3), () => RolloutStep(deployment, replicaSet));
    }

    /// <summary>Surge the new ReplicaSet up and drain the old ones down, 25% of the replicas per step.</summary>
    private void RolloutStep(SimWorkload deployment, SimWorkload replicaSet)
    {
        var step = Math.Max(1, (int)Math.Ceiling(deployment.Replicas * 0.25));
        if (replicaSet.Replicas < deployment.Replicas)
        {
            replicaSet.Replicas = Math.Min(deployment.Replicas, replicaSet.Replicas + step);
            WriteWorkload(replicaSet);
            Reconcile(replicaSet);
        }

        var down = step;
        foreach (var old in deployment.Children.Where(c => c != replicaSet && !c.Deleted && c.Replicas > 0))
        {
            if (down == 0)
            {
                break;
            }

            var scale = Math.Min(down, old.Replicas);
            old.Replicas -= scale;
            down -= scale;
            WriteWorkload(old);
            Reconcile(old);
        }

        var done = replicaSet.Replicas == deployment.Replicas
            && deployment.Children.TrueForAll(c => c == replicaSet || c.Deleted || c.Replicas == 0);
        WriteWorkload(deployment);
        if (!done)
        {
            At(_random.Seconds(5, 15), () => RolloutStep(deployment, replicaSet));
            return;
        }

        deployment.RollingOut = false;

        // revisionHistoryLimit 10: the oldest ReplicaSets at 0 replicas beyond that are deleted.
        var history = deployment.Children.Where(c => c != replicaSet && !c.Deleted).ToList();
        for (var i = 0; i < history.Count - 10; i++)
        {
            history[i].Deleted = true;
            Remove("ReplicaSet", history[i].Namespace, history[i].Name);
        }

        deployment.Children.RemoveAll(c => c.Deleted);
    }

    private void RolloutStatefulSet(SimWorkload statefulSet)
    {
        if (statefulSet.RollingOut)
        {
            return;
        }

        statefulSet.RollingOut = true;
        statefulSet.Revision++;
        statefulSet.Generation++;
        statefulSet.Template = Revise(statefulSet.Template, statefulSet.Revision);
        statefulSet.TemplateHash = _random.Suffix(10);
        WriteWorkload(statefulSet);
        StatefulSetStep(statefulSet, statefulSet.Replicas - 1);
    }

    private void StatefulSetStep(SimWorkload statefulSet, int ordinal)
    {
        if (ordinal < 0)
        {
            statefulSet.RollingOut = false;
            WriteWorkload(statefulSet);
            return;
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{statefulSet.Name}-{ordinal}");
        if (statefulSet.Pods.Find(p => p.Name == name && !p.Finished) is { } pod)
        {
            DeletePod(pod);
        }

        At(_random.Seconds(15, 30), () => StatefulSetStep(statefulSet, ordinal - 1));
    }

    private void CronTick(SimWorkload cronJob, DateTimeOffset scheduled)
    {
        var next = scheduled + TimeSpan.FromMinutes(_options.CronJobIntervalMinutes);
        At(next - _now + _random.Seconds(0, 2), () => CronTick(cronJob, next));

        // concurrencyPolicy Forbid: skip the run while the previous Job is still active.
        if (cronJob.Children.Exists(j => !j.Deleted && j.JobOutcome is null))
        {
            return;
        }

        var job = NewJob(cronJob, scheduled);
        cronJob.LastSchedule = Stamp(scheduled);
        Create(WorkloadBuilder.Build(job, _nodes.Count));
        WriteWorkload(cronJob);
        Launch(NewOwnedPod(job, Stamp(), completionExitCode: _random.Chance(0.85) ? 0 : 1));
    }

    private void JobFinished(SimWorkload job, bool succeeded)
    {
        job.JobOutcome = succeeded ? "Complete" : "Failed";
        job.JobCompletion = Stamp();
        WriteWorkload(job);
        if (job.Parent is not { } cronJob || job.Deleted)
        {
            return;
        }

        if (succeeded)
        {
            cronJob.LastSuccess = job.JobCompletion;
        }

        WriteWorkload(cronJob);

        // successfulJobsHistoryLimit 3, failedJobsHistoryLimit 1; the oldest go, with their pods.
        var complete = cronJob.Children.Where(j => !j.Deleted && j.JobOutcome == "Complete").ToList();
        var failed = cronJob.Children.Where(j => !j.Deleted && j.JobOutcome == "Failed").ToList();
        foreach (var old in complete.Take(complete.Count - 3).Concat(failed.Take(failed.Count - 1)))
        {
            DeleteJob(old);
        }

        cronJob.Children.RemoveAll(j => j.Deleted);
    }

    /// <summary>
    /// Background propagation: the Job goes, and the garbage collector marks its pods for deletion in the same
    /// moment, so that no pod that is not terminating ever points at a missing owner.
    /// </summary>
    private void DeleteJob(SimWorkload job)
    {
        job.Deleted = true;
        Remove("Job", job.Namespace, job.Name);
        foreach (var pod in job.Pods.Where(p => !p.Finished).ToList())
        {
            DeletePod(pod);
        }
    }

    private void ScheduleDrain()
    {
        if (_options.DrainsPerHour > 0)
        {
            At(_random.Exponential(TimeSpan.FromHours(1 / _options.DrainsPerHour)), Drain);
        }
    }

    /// <summary>
    /// <c>kubectl drain</c>: cordon, then evict every pod but DaemonSet and mirror pods; controllers recreate theirs on
    /// other nodes, standalone pods are gone. The node is uncordoned after <see cref="ScenarioOptions.DrainMinutes"/>.
    /// </summary>
    private void Drain()
    {
        ScheduleDrain();
        if (_workers.Count(n => !n.Unschedulable) < 2 || PickNode() is not { } node)
        {
            return;
        }

        node.Unschedulable = true;
        Update(NodeBuilder.Node(node));
        var victims = node.Pods
            .Where(p => !p.Finished && p.StaticComponent is null && p.Owner?.Kind != "DaemonSet")
            .OrderBy(p => p.Namespace, StringComparer.Ordinal)
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var pod in victims)
        {
            At(_random.Seconds(0, 10), () => DeletePod(pod));
        }

        At(TimeSpan.FromMinutes(_options.DrainMinutes), () =>
        {
            node.Unschedulable = false;
            Update(NodeBuilder.Node(node));
        });
    }
}
