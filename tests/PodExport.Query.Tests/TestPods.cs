using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Query.Tests;

/// <summary>Builds pod records with just the fields a test cares about.</summary>
internal static class TestPods
{
    public const string PodId = "f4e5a78e-313d-5ed6-943c-53b769776412";
    public const string DeploymentId = "5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    public const string ClusterId = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60";
    public const string PodUid = "0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01";

    public static PodRecord Make(
        string name = "web",
        string ns = "shop",
        string id = PodId,
        string deploymentId = DeploymentId,
        string clusterId = ClusterId,
        DateTimeOffset? started = null,
        bool noStarted = false,
        string[]? liveContainers = null,
        string[]? liveDigests = null,
        (string Name, int ExitCode, string Reason)[]? terminated = null,
        string podUid = PodUid,
        string node = "worker-1",
        Dictionary<string, string>? labels = null,
        Dictionary<string, string>? ownerLabels = null,
        string[]? images = null,
        string ownerName = "web",
        string ownerKind = "Deployment",
        int restarts = 0,
        bool deleted = false,
        string cluster = "prod-east")
    {
        liveContainers ??= ["app"];
        var live = new List<ContainerInstance>();
        for (var i = 0; i < liveContainers.Length; i++)
        {
            live.Add(new ContainerInstance
            {
                ContainerName = liveContainers[i],
                ImageDigest = liveDigests is not null && i < liveDigests.Length ? liveDigests[i] : "sha256:aaaa",
            });
        }

        var buckets = new List<Pod.ContainerInstanceList>();
        foreach (var group in (terminated ?? []).GroupBy(t => t.Name))
        {
            buckets.Add(new Pod.ContainerInstanceList(group
                .Select(t => new ContainerInstance { ContainerName = t.Name, ExitCode = t.ExitCode, TerminationReason = t.Reason })
                .ToArray()));
        }

        var pod = new Pod
        {
            Id = id,
            Name = name,
            DeploymentId = deploymentId,
            Namespace = ns,
            ClusterId = clusterId,
            LiveInstances = live,
            TerminatedInstances = buckets,
            Started = noStarted ? null : Timestamp.FromDateTimeOffset(started ?? new DateTimeOffset(2022, 3, 9, 12, 0, 0, TimeSpan.Zero)),
        };
        var attributes = new PodAttributes
        {
            PodUid = podUid,
            Node = node,
            Labels = labels ?? new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = "7d9c6b5f4" },
            OwnerLabels = ownerLabels ?? new Dictionary<string, string> { ["app"] = "web" },
            Images = images ?? ["nginx:1.27", "docker.io/library/nginx:1.27"],
            OwnerName = ownerName,
            OwnerKind = ownerKind,
            RestartCount = restarts,
            Deleted = deleted,
            ClusterName = cluster,
        };
        return new PodRecord(pod, attributes);
    }
}
