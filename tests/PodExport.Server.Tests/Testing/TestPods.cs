using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Server.Tests.Testing;

/// <summary>Pod records for the endpoint tests.</summary>
internal static class TestPods
{
    /// <summary>The sample line of export-api §4.3, byte for byte.</summary>
    public const string SampleLine =
        """{"result":{"pod":{"id":"054f8eb2-e0d2-57d7-91fc-7ae1931ecafa","name":"report-28571430-x7k2q","deploymentId":"e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0","namespace":"jobs","clusterId":"6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60","liveInstances":[{"instanceId":{"containerRuntime":"UNKNOWN_CONTAINER_RUNTIME","id":"","node":"worker-2"},"containingPodId":"report-28571430-x7k2q.jobs@3f2b9c1d-7e4a-4b6c-8d9e-0a1b2c3d4e5f","containerName":"main","containerIps":[],"started":null,"imageDigest":"","finished":null,"exitCode":0,"terminationReason":""}],"terminatedInstances":[],"started":"2024-05-01T10:00:00.250Z"}}}""" + "\n";

    /// <summary>The pod of the §4.3 sample.</summary>
    public static PodRecord Sample() => new(
        new Pod
        {
            Id = "054f8eb2-e0d2-57d7-91fc-7ae1931ecafa",
            Name = "report-28571430-x7k2q",
            DeploymentId = "e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0",
            Namespace = "jobs",
            ClusterId = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60",
            LiveInstances =
            [
                new ContainerInstance
                {
                    InstanceId = new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, "", "worker-2"),
                    ContainingPodId = "report-28571430-x7k2q.jobs@3f2b9c1d-7e4a-4b6c-8d9e-0a1b2c3d4e5f",
                    ContainerName = "main",
                },
            ],
            Started = new Timestamp(1714557600, 250_000_000),
        },
        new PodAttributes());

    /// <summary>A small pod with a predictable id.</summary>
    public static PodRecord Make(string ns, string name, int serial = 0) => new(
        new Pod
        {
            Id = $"00000000-0000-4000-8000-{serial:d12}",
            Name = name,
            DeploymentId = "",
            Namespace = ns,
            ClusterId = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60",
            LiveInstances =
            [
                new ContainerInstance
                {
                    InstanceId = new ContainerInstanceId(ContainerRuntime.CrioContainerRuntime, $"cri-o://{serial:x16}", "node-1"),
                    ContainingPodId = $"{name}.{ns}@00000000-0000-4000-8000-{serial:d12}",
                    ContainerName = "app",
                    ContainerIps = ["10.0.0.1"],
                    Started = new Timestamp(1714557600 + serial, 0),
                    ImageDigest = "sha256:0123456789abcdef",
                },
            ],
            Started = new Timestamp(1714557600 + serial, 0),
        },
        new PodAttributes { PodUid = $"uid-{serial}" });

    /// <summary><paramref name="count"/> pods over a few namespaces, in no particular order.</summary>
    public static List<PodRecord> Many(int count, int namespaces = 3)
    {
        var pods = new List<PodRecord>(count);
        for (var i = 0; i < count; i++)
        {
            pods.Add(Make($"ns-{i % namespaces}", $"pod-{i:d6}", i));
        }

        return pods;
    }
}
