using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Json;

/// <summary>The pods of the spec's sample lines (export-api §4.3, pod-model §11) and their expected bytes.</summary>
internal static class SpecPods
{
    public const string SampleLine =
        """{"result":{"pod":{"id":"054f8eb2-e0d2-57d7-91fc-7ae1931ecafa","name":"report-28571430-x7k2q","deploymentId":"e4d3c2b1-a0f9-4e8d-b7c6-a5b4c3d2e1f0","namespace":"jobs","clusterId":"6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60","liveInstances":[{"instanceId":{"containerRuntime":"UNKNOWN_CONTAINER_RUNTIME","id":"","node":"worker-2"},"containingPodId":"report-28571430-x7k2q.jobs@3f2b9c1d-7e4a-4b6c-8d9e-0a1b2c3d4e5f","containerName":"main","containerIps":[],"started":null,"imageDigest":"","finished":null,"exitCode":0,"terminationReason":""}],"terminatedInstances":[],"started":"2024-05-01T10:00:00.250Z"}}}""";

    public const string WorkedExampleLine =
        """{"result":{"pod":{"id":"f4e5a78e-313d-5ed6-943c-53b769776412","name":"web-7d9c6b5f4-x2k8p","deploymentId":"5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","namespace":"shop","clusterId":"6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60","liveInstances":[{"instanceId":{"containerRuntime":"UNKNOWN_CONTAINER_RUNTIME","id":"80d6ae0197c2a3be4ec46d171996105891dedf626ea3040f2dd2bf00e63c436e","node":"worker-1"},"containingPodId":"web-7d9c6b5f4-x2k8p.shop@0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01","containerName":"app","containerIps":["10.128.2.15","fd00:10:128:2::15"],"started":"2024-05-01T10:05:00Z","imageDigest":"sha256:5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3819ffeac36b65","finished":null,"exitCode":0,"terminationReason":""},{"instanceId":{"containerRuntime":"UNKNOWN_CONTAINER_RUNTIME","id":"b8260cf725d5deb6f832dd098154d7f7210228babf6243e7b2324998876a31ea","node":"worker-1"},"containingPodId":"web-7d9c6b5f4-x2k8p.shop@0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01","containerName":"log","containerIps":["10.128.2.15","fd00:10:128:2::15"],"started":"2024-05-01T10:00:04Z","imageDigest":"sha256:836ff184e7b41b1e13cb5fd89fa1de98dbbab99e9d2918913ff43b86a5c7c213","finished":null,"exitCode":0,"terminationReason":""}],"terminatedInstances":[{"instances":[{"instanceId":{"containerRuntime":"UNKNOWN_CONTAINER_RUNTIME","id":"5eb7e725e6bac43f2a906437aa7be080081de786a7d12f7b9649be47b69d6ca0","node":"worker-1"},"containingPodId":"web-7d9c6b5f4-x2k8p.shop@0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01","containerName":"app","containerIps":["10.128.2.15","fd00:10:128:2::15"],"started":"2024-05-01T10:00:05Z","imageDigest":"sha256:5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3819ffeac36b65","finished":"2024-05-01T10:04:58Z","exitCode":137,"terminationReason":"OOMKilled"}]}],"started":"2024-05-01T10:00:00Z"}}}""";

    /// <summary>export-api §4.3: a CronJob pod whose only container is still being created.</summary>
    public static Pod Sample() => new()
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
        Started = Ts("2024-05-01T10:00:00.250Z"),
    };

    /// <summary>pod-model §11: a Deployment pod with two live containers and one terminated run.</summary>
    public static Pod WorkedExample()
    {
        const string PodId = "web-7d9c6b5f4-x2k8p.shop@0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01";
        string[] ips = ["10.128.2.15", "fd00:10:128:2::15"];
        return new Pod
        {
            Id = "f4e5a78e-313d-5ed6-943c-53b769776412",
            Name = "web-7d9c6b5f4-x2k8p",
            DeploymentId = "5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
            Namespace = "shop",
            ClusterId = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60",
            LiveInstances =
            [
                new ContainerInstance
                {
                    InstanceId = new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, "80d6ae0197c2a3be4ec46d171996105891dedf626ea3040f2dd2bf00e63c436e", "worker-1"),
                    ContainingPodId = PodId,
                    ContainerName = "app",
                    ContainerIps = ips,
                    Started = Ts("2024-05-01T10:05:00Z"),
                    ImageDigest = "sha256:5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3819ffeac36b65",
                },
                new ContainerInstance
                {
                    InstanceId = new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, "b8260cf725d5deb6f832dd098154d7f7210228babf6243e7b2324998876a31ea", "worker-1"),
                    ContainingPodId = PodId,
                    ContainerName = "log",
                    ContainerIps = ips,
                    Started = Ts("2024-05-01T10:00:04Z"),
                    ImageDigest = "sha256:836ff184e7b41b1e13cb5fd89fa1de98dbbab99e9d2918913ff43b86a5c7c213",
                },
            ],
            TerminatedInstances =
            [
                new Pod.ContainerInstanceList(
                [
                    new ContainerInstance
                    {
                        InstanceId = new ContainerInstanceId(ContainerRuntime.UnknownContainerRuntime, "5eb7e725e6bac43f2a906437aa7be080081de786a7d12f7b9649be47b69d6ca0", "worker-1"),
                        ContainingPodId = PodId,
                        ContainerName = "app",
                        ContainerIps = ips,
                        Started = Ts("2024-05-01T10:00:05Z"),
                        ImageDigest = "sha256:5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3819ffeac36b65",
                        Finished = Ts("2024-05-01T10:04:58Z"),
                        ExitCode = 137,
                        TerminationReason = "OOMKilled",
                    },
                ]),
            ],
            Started = Ts("2024-05-01T10:00:00Z"),
        };
    }

    public static Timestamp Ts(string rfc3339) =>
        Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(rfc3339, System.Globalization.CultureInfo.InvariantCulture));
}
