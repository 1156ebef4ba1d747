using k8s.Models;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Tests.Fixtures;
using PodExport.Model.Wire;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Pods;

public sealed class PodConverterTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Convert_WorkedExample_LiveInstancesAndLastState()
    {
        var observation = new PodConverter(false, false).Convert(WorkedExample.Pod(), Now);

        Assert.Equal(WorkedExample.PodId, observation.Id);
        Assert.Equal(["app", "log"], observation.LiveInstances.Select(i => i.ContainerName));
        var app = observation.LiveInstances[0];
        Assert.Equal(new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, WorkedExample.AppRun2, "worker-1"), app.InstanceId);
        Assert.Equal("web-7d9c6b5f4-x2k8p.shop@" + WorkedExample.PodUid, app.ContainingPodId);
        Assert.Equal(["10.128.2.15", "fd00:10:128:2::15"], app.ContainerIps);
        Assert.Null(app.Finished);

        var last = Assert.Single(observation.Terminated);
        Assert.Equal("id:" + WorkedExample.AppRun1, last.Key);
        Assert.Equal(137, last.Instance.ExitCode);
        Assert.Equal("OOMKilled", last.Instance.TerminationReason);
        Assert.Equal("sha256:5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3819ffeac36b65", last.Instance.ImageDigest);
        Assert.Equal(1, observation.RestartCount);
        Assert.Equal(["nginx:1.27", "docker.io/library/nginx:1.27", "quay.io/acme/log:2", "quay.io/acme/log:2"], observation.LiveImages);
    }

    [Fact]
    public void Convert_TerminatedState_NoLiveInstanceAndEntryContainerIdWins()
    {
        var status = Running("job", "containerd://entry", "2024-05-01T10:00:00Z");
        status.State = new V1ContainerState { Terminated = Terminated("containerd://state", 0, "Completed", "2024-05-01T10:00:00Z", "2024-05-01T10:01:00Z") };

        var observation = new PodConverter(false, false).Convert(Pod("p", "u1", statuses: status), Now);

        Assert.Empty(observation.LiveInstances);
        Assert.Equal("entry", Assert.Single(observation.Terminated).Instance.InstanceId?.Id);
    }

    [Fact]
    public void Convert_TerminatedWithoutIdsOrFinish_KeyUsesReportedTimesAndFinishedIsObservation()
    {
        var status = Running("job", "", "2024-05-01T10:00:00Z");
        status.State = new V1ContainerState { Terminated = Terminated("", 2, null!, "2024-05-01T10:00:00Z", null) };

        var terminated = Assert.Single(new PodConverter(false, false).Convert(Pod("p", "u1", statuses: status), Now).Terminated);

        Assert.Equal(Timestamp.FromDateTimeOffset(Now), terminated.Instance.Finished);
        Assert.Equal("", terminated.Instance.TerminationReason);
        Assert.StartsWith("nm:job", terminated.Key, StringComparison.Ordinal);
        Assert.EndsWith("\0-", terminated.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_PodIpsEmpty_FallsBackToPodIp()
    {
        var pod = Pod("p", "u1", statuses: Running("c", "containerd://1", "2024-05-01T10:00:00Z"));
        pod.Status.PodIPs = null;
        pod.Status.PodIP = "10.9.9.9";
        Assert.Equal(["10.9.9.9"], new PodConverter(false, false).Convert(pod, Now).LiveInstances[0].ContainerIps);

        pod.Status.PodIP = null;
        Assert.Empty(new PodConverter(false, false).Convert(pod, Now).LiveInstances[0].ContainerIps);
    }

    [Fact]
    public void Convert_WaitingUnscheduled_NullStartedAndEmptyNode()
    {
        var status = new V1ContainerStatus { Name = "c", State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "ContainerCreating" } } };
        var pod = Pod("p", "u1", node: null!, statuses: status);

        var live = Assert.Single(new PodConverter(false, false).Convert(pod, Now).LiveInstances);

        Assert.Null(live.Started);
        Assert.Equal(new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, "", ""), live.InstanceId);
    }

    [Theory]
    [InlineData(false, false, new[] { "main" })]
    [InlineData(true, false, new[] { "main", "init" })]
    [InlineData(true, true, new[] { "main", "init", "debug" })]
    [InlineData(false, true, new[] { "main", "debug" })]
    public void Convert_InitAndEphemeralOptions_AddTheirStatusesInOrder(bool init, bool ephemeral, string[] expected)
    {
        var pod = Pod("p", "u1", statuses: Running("main", "containerd://m", "2024-05-01T10:00:00Z", restarts: 3));
        pod.Status.InitContainerStatuses = [Running("init", "containerd://i", "2024-05-01T10:00:00Z", restarts: 5)];
        pod.Status.EphemeralContainerStatuses = [Running("debug", "containerd://d", "2024-05-01T10:00:00Z")];

        var observation = new PodConverter(init, ephemeral).Convert(pod, Now);

        Assert.Equal(expected, observation.LiveInstances.Select(i => i.ContainerName));
        Assert.Equal(3, observation.RestartCount);
    }
}
