using k8s.Models;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Workloads;

namespace PodExport.Cluster.Tests.Fixtures;

/// <summary>Small builders for Kubernetes objects and informer events.</summary>
public static class Objects
{
    public static DateTime Utc(string value) => DateTime.Parse(value, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    public static V1OwnerReference Ref(string kind, string name, string uid, bool? controller = true, string apiVersion = "apps/v1") =>
        new() { ApiVersion = apiVersion, Kind = kind, Name = name, Uid = uid, Controller = controller };

    public static OwnerObject Owner(string kind, string name, string uid, string ns = "shop", IReadOnlyDictionary<string, string>? labels = null, params V1OwnerReference[] references) =>
        new(kind, uid, name, ns, labels ?? new Dictionary<string, string>(), references, "1");

    public static V1ContainerStatus Running(string name, string containerId, string startedAt, string imageId = "docker.io/library/x@sha256:00", int restarts = 0) => new()
    {
        Name = name,
        ContainerID = containerId,
        ImageID = imageId,
        Image = name + ":1",
        RestartCount = restarts,
        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Utc(startedAt) } },
    };

    public static V1ContainerStateTerminated Terminated(string containerId, int exitCode, string reason, string startedAt, string? finishedAt) => new()
    {
        ContainerID = containerId,
        ExitCode = exitCode,
        Reason = reason,
        StartedAt = Utc(startedAt),
        FinishedAt = finishedAt is null ? null : Utc(finishedAt),
    };

    public static V1Pod Pod(string name, string uid, string ns = "shop", string node = "worker-1", V1OwnerReference[]? owners = null, IDictionary<string, string>? labels = null, params V1ContainerStatus[] statuses) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Uid = uid,
            CreationTimestamp = Utc("2024-05-01T10:00:00Z"),
            OwnerReferences = owners is null ? null : [.. owners],
            Labels = labels,
        },
        Spec = new V1PodSpec
        {
            NodeName = node,
            Containers = [.. statuses.Select(s => new V1Container { Name = s.Name, Image = s.Name + ":spec" })],
        },
        Status = new V1PodStatus
        {
            PodIP = "10.0.0.1",
            PodIPs = [new V1PodIP { Ip = "10.0.0.1" }],
            ContainerStatuses = [.. statuses],
        },
    };

    public static ResourceEvent<T> Added<T>(T value) => new(ResourceEventType.Added, value);

    public static ResourceEvent<T> Modified<T>(T value) => new(ResourceEventType.Modified, value);

    public static ResourceEvent<T> Deleted<T>(T value) => new(ResourceEventType.Deleted, value);

    /// <summary>A delete the reflector inferred (relist diff, UID change): its object is a tombstone.</summary>
    public static ResourceEvent<T> Tombstone<T>(T value) => new(ResourceEventType.Deleted, value, IsTombstone: true);
}
