using System.Text.RegularExpressions;
using k8s.Models;

namespace PodExport.Simulator.Tests.Scenario;

/// <summary>Every behaviour of the D.2 table shows within 30 virtual minutes of a busy scenario.</summary>
public sealed partial class ScenarioEngineBehaviourTests(BusyScenarioFixture fixture) : IClassFixture<BusyScenarioFixture>
{
    [GeneratedRegex("^(containerd|cri-o|docker)://[0-9a-f]{64}$")]
    private static partial Regex ContainerIdPattern();

    [GeneratedRegex("^(docker-pullable://)?[a-z0-9./-]+@sha256:[0-9a-f]{64}$")]
    private static partial Regex ImageIdPattern();

    private IEnumerable<(RecordedEvent Event, V1Pod Pod)> ChurnPodEvents =>
        fixture.PodEvents.Where(p => p.Event.ResourceVersion > fixture.SeedResourceVersion);

    [Fact]
    public void CrashLoop_ShowsBackOffWithLastStateAndRestartCount()
    {
        Assert.Contains(ChurnPodEvents, p => p.Pod.Status.ContainerStatuses?.Any(s =>
            s.State.Waiting?.Reason == "CrashLoopBackOff"
            && s.LastState.Terminated is { ExitCode: 1, Reason: "Error" } last
            && last.ContainerID == s.ContainerID
            && s.RestartCount > 0) == true);
    }

    [Fact]
    public void SlowRestart_ShowsStateTerminatedBeforeTheRestart()
    {
        Assert.Contains(ChurnPodEvents, p => p.Event.Type == "MODIFIED"
            && p.Pod.Metadata.DeletionTimestamp is null
            && p.Pod.Spec.RestartPolicy == "Always"
            && p.Pod.Status.ContainerStatuses?.Any(s => s.State.Terminated is { ExitCode: 1 or 137 }) == true);
    }

    [Fact]
    public void FastRestart_ShowsOnlyThroughLastState()
    {
        var previous = new Dictionary<string, V1Pod>();
        var found = false;
        foreach (var (_, pod) in fixture.PodEvents)
        {
            if (previous.TryGetValue(pod.Metadata.Uid, out var before))
            {
                found |= pod.Status.ContainerStatuses?.Any(s =>
                    s.State.Running is not null
                    && before.Status.ContainerStatuses?.FirstOrDefault(b => b.Name == s.Name) is { State.Running: not null } b
                    && b.ContainerID != s.ContainerID
                    && s.LastState.Terminated?.ContainerID == b.ContainerID
                    && s.RestartCount == b.RestartCount + 1) == true;
            }

            previous[pod.Metadata.Uid] = pod;
        }

        Assert.True(found, "no restart visible only through lastState");
    }

    [Fact]
    public void OomKill_ShowsExitCode137()
    {
        Assert.Contains(ChurnPodEvents, p => p.Pod.Status.ContainerStatuses?.Any(s =>
            s.LastState.Terminated is { ExitCode: 137, Reason: "OOMKilled" }) == true);
    }

    [Fact]
    public void Rollout_CreatesNewReplicaSetWhosePodsRun()
    {
        var newSets = fixture.Events
            .Where(e => e.ResourceVersion > fixture.SeedResourceVersion && e.Type == "ADDED" && e.Object is V1ReplicaSet)
            .Select(e => (V1ReplicaSet)e.Object)
            .ToList();
        Assert.NotEmpty(newSets);
        Assert.All(newSets, rs =>
        {
            Assert.Equal("Deployment", rs.Metadata.OwnerReferences.Single().Kind);
            Assert.StartsWith(rs.Metadata.OwnerReferences[0].Name + "-" + rs.Metadata.Labels["pod-template-hash"], rs.Metadata.Name, StringComparison.Ordinal);
        });
        Assert.Contains(ChurnPodEvents, p => p.Pod.Status.Phase == "Running"
            && p.Pod.Metadata.OwnerReferences?.Any(r => newSets.Any(rs => rs.Metadata.Uid == r.Uid)) == true);
        Assert.Contains(fixture.Events, e => e.Object is V1ReplicaSet { Spec.Replicas: 0 } && e.ResourceVersion > fixture.SeedResourceVersion);
    }

    [Fact]
    public void CronJob_SpawnsJobWhosePodCompletes()
    {
        var jobs = fixture.Events
            .Where(e => e.ResourceVersion > fixture.SeedResourceVersion && e.Object is V1Job { Status.Succeeded: 1 })
            .Select(e => (V1Job)e.Object)
            .ToList();
        Assert.NotEmpty(jobs);
        var job = jobs[0];
        var cronJob = job.Metadata.OwnerReferences.Single();
        Assert.Equal("CronJob", cronJob.Kind);
        Assert.Matches($"^{Regex.Escape(cronJob.Name)}-[0-9]+$", job.Metadata.Name);
        Assert.Contains(ChurnPodEvents, p => p.Pod.Status.Phase == "Succeeded"
            && p.Pod.Metadata.OwnerReferences?.Single().Uid == job.Metadata.Uid
            && p.Pod.Status.ContainerStatuses.All(s => s.State.Terminated is { ExitCode: 0, Reason: "Completed" }));
        Assert.Contains(fixture.Events, e => e.Type == "DELETED" && e.Object is V1Job);
    }

    [Fact]
    public void Drain_CordonsNodeAndOwnedPodsReappearElsewhere()
    {
        var cordon = fixture.Events.First(e => e.Object is V1Node { Spec.Unschedulable: true });
        var node = cordon.Object.Metadata.Name;
        var evicted = ChurnPodEvents
            .Where(p => p.Event.ResourceVersion > cordon.ResourceVersion && p.Pod.Spec.NodeName == node
                && p.Pod.Metadata.DeletionTimestamp is not null && p.Pod.Metadata.OwnerReferences?.Single().Kind == "ReplicaSet")
            .Select(p => p.Pod)
            .ToList();
        Assert.NotEmpty(evicted);
        var owner = evicted[0].Metadata.OwnerReferences[0].Uid;
        Assert.Contains(ChurnPodEvents, p => p.Event.ResourceVersion > cordon.ResourceVersion
            && p.Pod.Status.Phase == "Running" && p.Pod.Spec.NodeName != node
            && p.Pod.Metadata.OwnerReferences?.Single().Uid == owner
            && !evicted.Any(e => e.Metadata.Uid == p.Pod.Metadata.Uid));
    }

    [Fact]
    public void GracefulDelete_IsModifiedWithDeletionTimestampThenDeleted()
    {
        var previous = new Dictionary<string, (RecordedEvent Event, V1Pod Pod)>();
        var deletions = 0;
        foreach (var (e, pod) in fixture.PodEvents)
        {
            if (e.Type == "DELETED")
            {
                deletions++;
                var before = previous[pod.Metadata.Uid];
                Assert.Equal("MODIFIED", before.Event.Type);
                Assert.NotNull(before.Pod.Metadata.DeletionTimestamp);
                Assert.Equal(30, before.Pod.Metadata.DeletionGracePeriodSeconds);
                Assert.DoesNotContain(before.Pod.Status.ContainerStatuses ?? [], s => s.State.Running is not null);
            }

            previous[pod.Metadata.Uid] = (e, pod);
        }

        Assert.True(deletions > 10, $"{deletions} deletions");
    }

    [Fact]
    public void PodStart_GoesPendingThenContainerCreatingThenRunning()
    {
        var started = ChurnPodEvents.Where(p => p.Event.Type == "ADDED").Select(p => p.Pod.Metadata.Uid).ToHashSet();
        var histories = ChurnPodEvents.Where(p => started.Contains(p.Pod.Metadata.Uid))
            .GroupBy(p => p.Pod.Metadata.Uid)
            .Select(g => g.Select(p => p.Pod).ToList())
            .ToList();
        Assert.NotEmpty(histories);
        Assert.All(histories, h =>
        {
            Assert.Equal("Pending", h[0].Status.Phase);
            Assert.Null(h[0].Spec.NodeName);
            Assert.Null(h[0].Status.ContainerStatuses);
        });

        static bool Creating(V1Pod pod) => pod.Status.Phase == "Pending" && pod.Spec.NodeName is not null
            && pod.Status.ContainerStatuses.All(s => s.State.Waiting?.Reason == "ContainerCreating" && s.ContainerID is null);
        static bool Running(V1Pod pod) => pod.Status.Phase == "Running" && pod.Status.PodIP is not null
            && pod.Status.StartTime is not null && pod.Status.HostIP is not null
            && pod.Status.ContainerStatuses.All(s => s.Ready && s.Started == true && s.State.Running?.StartedAt is not null);
        Assert.Contains(histories, h => h.Count >= 3 && h[0].Spec.InitContainers is null && Creating(h[1]) && Running(h[2]));
        Assert.Contains(histories, h => h.Count >= 3 && h[0].Spec.InitContainers is not null
            && h[1].Status.InitContainerStatuses.Single().State.Running is not null
            && h[1].Status.ContainerStatuses.All(s => s.State.Waiting?.Reason == "PodInitializing")
            && Running(h[2]));
    }

    [Fact]
    public void InitContainers_CompleteBeforeMainContainersStart()
    {
        Assert.Contains(ChurnPodEvents, p => p.Pod.Status.Phase == "Running"
            && p.Pod.Status.InitContainerStatuses?.Single().State.Terminated is { ExitCode: 0, Reason: "Completed" });
    }

    [Fact]
    public void ContainerIds_UseAllThreeRuntimesAndSha256ImageIds()
    {
        var statuses = fixture.PodEvents.SelectMany(p => fixture.Statuses(p.Pod)).Where(s => s.ContainerID is not null).ToList();
        Assert.All(statuses, s => Assert.Matches(ContainerIdPattern(), s.ContainerID));
        Assert.All(statuses, s => Assert.Matches(ImageIdPattern(), s.ImageID));
        Assert.Contains(statuses, s => s.ContainerID.StartsWith("docker://", StringComparison.Ordinal));
        Assert.Contains(statuses, s => s.ContainerID.StartsWith("cri-o://", StringComparison.Ordinal));
        var containerd = statuses.Count(s => s.ContainerID.StartsWith("containerd://", StringComparison.Ordinal));
        Assert.True(containerd > statuses.Count / 2, "containerd should dominate");
    }

    [Fact]
    public void DualStack_SomePodsHaveIpv4AndIpv6()
    {
        Assert.Contains(fixture.PodEvents, p => p.Pod.Status.PodIPs is { Count: 2 } ips
            && !ips[0].Ip.Contains(':', StringComparison.Ordinal) && ips[1].Ip.Contains(':', StringComparison.Ordinal)
            && p.Pod.Status.PodIP == ips[0].Ip);
    }

    [Fact]
    public void StandalonePods_SomeEndSucceededOrFailed()
    {
        var finished = fixture.Writer.Objects.OfType<V1Pod>()
            .Concat(fixture.PodEvents.Select(p => p.Pod))
            .Where(p => p.Metadata.OwnerReferences is null && p.Status.Phase is "Succeeded" or "Failed")
            .ToList();
        Assert.NotEmpty(finished);
        Assert.Contains(ChurnPodEvents, p => p.Pod.Metadata.OwnerReferences is null && p.Pod.Status.Phase is "Succeeded" or "Failed");
    }

    [Fact]
    public void StatefulSetAndDaemonSetPods_FollowTheirNamingAndPlacement()
    {
        var pods = fixture.Writer.Objects.OfType<V1Pod>().Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        foreach (var sts in fixture.Writer.Objects.OfType<V1StatefulSet>())
        {
            var names = pods.Where(p => p.Metadata.OwnerReferences?.Single().Uid == sts.Metadata.Uid).Select(p => p.Metadata.Name);
            Assert.Subset(Enumerable.Range(0, sts.Spec.Replicas!.Value).Select(i => $"{sts.Metadata.Name}-{i}").ToHashSet(), names.ToHashSet());
        }

        // One pod per node; a replacement may not be bound yet.
        var nodes = fixture.Writer.Objects.OfType<V1Node>().Select(n => n.Metadata.Name).ToHashSet();
        foreach (var ds in fixture.Writer.Objects.OfType<V1DaemonSet>())
        {
            var owned = pods.Where(p => p.Metadata.OwnerReferences?.Single().Uid == ds.Metadata.Uid).ToList();
            Assert.Equal(nodes.Count, owned.Count);
            var placed = owned.Where(p => p.Spec.NodeName is not null).Select(p => p.Spec.NodeName).ToList();
            Assert.Equal(placed.Count, placed.Distinct().Count());
            Assert.Subset(nodes, placed.ToHashSet());
        }
    }

    [Fact]
    public void OwnerReferences_PointAtExistingOwners()
    {
        var objects = fixture.Writer.Objects;
        var byUid = objects.ToDictionary(o => o.Metadata.Uid);
        foreach (var obj in objects.Where(o => o.Metadata.DeletionTimestamp is null && o.Metadata.OwnerReferences is not null))
        {
            var reference = Assert.Single(obj.Metadata.OwnerReferences);
            Assert.True(byUid.TryGetValue(reference.Uid, out var owner), $"{obj.Kind} {obj.Metadata.Name}: owner {reference.Kind}/{reference.Name} missing");
            Assert.Equal(reference.Kind, owner.Kind);
            Assert.Equal(reference.Name, owner.Metadata.Name);
            Assert.Equal(reference.ApiVersion, owner.ApiVersion);
            Assert.True(reference.Controller);
            if (reference.Kind != "Node")
            {
                Assert.True(reference.BlockOwnerDeletion);
                Assert.Equal(obj.Metadata.NamespaceProperty, owner.Metadata.NamespaceProperty);
            }
        }
    }

    [Fact]
    public void GroundTruth_MatchesEveryTerminatedStateWritten()
    {
        var truth = fixture.Engine.TerminatedContainers.ToList();
        var byId = truth.ToDictionary(t => t.ContainerId);
        Assert.Equal(truth.Count, byId.Count);
        var written = new HashSet<string>();
        foreach (var (_, pod) in fixture.PodEvents)
        {
            foreach (var s in fixture.Statuses(pod))
            {
                foreach (var t in new[] { s.State.Terminated, s.LastState?.Terminated }.OfType<V1ContainerStateTerminated>())
                {
                    Assert.True(byId.TryGetValue(t.ContainerID, out var known), $"unknown terminated {t.ContainerID}");
                    Assert.Equal(pod.Metadata.Uid, known.PodUid);
                    Assert.Equal(s.Name, known.ContainerName);
                    Assert.Equal(t.ExitCode, known.ExitCode);
                    Assert.Equal(t.Reason, known.Reason);
                    Assert.Equal(t.StartedAt, known.StartedAt);
                    Assert.Equal(t.FinishedAt, known.FinishedAt);
                    Assert.True(known.StartedAt <= known.FinishedAt);
                    written.Add(t.ContainerID);
                }
            }
        }

        Assert.Equal(byId.Keys.Order(), written.Order());
        Assert.Contains(truth, t => t.IsInitContainer);
        Assert.Contains(truth, t => t.Reason == "OOMKilled");
    }

    [Fact]
    public void Timestamps_AreWholeSecondsFromTheVirtualClock()
    {
        var end = ScenarioTestKit.Start + TimeSpan.FromMinutes(31);
        Assert.All(fixture.PodEvents, p =>
        {
            Assert.Equal(0, p.Pod.Metadata.CreationTimestamp!.Value.Ticks % TimeSpan.TicksPerSecond);
            Assert.True(p.Pod.Metadata.CreationTimestamp < end.UtcDateTime);
        });
    }
}
