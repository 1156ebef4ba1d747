using k8s.Models;
using PodExport.Cluster.Workloads;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Fixtures;

/// <summary>pod-model §11: the worked example's owners and pod, and its expected export line.</summary>
public static class WorkedExample
{
    public const string ClusterId = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60";
    public const string PodUid = "0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01";
    public const string PodId = "f4e5a78e-313d-5ed6-943c-53b769776412";
    public const string ReplicaSetUid = "9d8c7b6a-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    public const string DeploymentUid = "5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    public const string AppRun1 = "5eb7e725e6bac43f2a906437aa7be080081de786a7d12f7b9649be47b69d6ca0";
    public const string AppRun2 = "80d6ae0197c2a3be4ec46d171996105891dedf626ea3040f2dd2bf00e63c436e";
    public const string LogRun1 = "b8260cf725d5deb6f832dd098154d7f7210228babf6243e7b2324998876a31ea";
    public const string NginxImageId = "docker.io/library/nginx@sha256:5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3819ffeac36b65";
    public const string LogImageId = "quay.io/acme/log@sha256:836ff184e7b41b1e13cb5fd89fa1de98dbbab99e9d2918913ff43b86a5c7c213";

    public const string ExpectedLine = """{"result":{"pod":{"id":"f4e5a78e-313d-5ed6-943c-53b769776412","name":"web-7d9c6b5f4-x2k8p","deploymentId":"5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f","namespace":"shop","clusterId":"6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60","liveInstances":[{"instanceId":{"containerRuntime":"UNKNOWN_CONTAINER_RUNTIME","id":"80d6ae0197c2a3be4ec46d171996105891dedf626ea3040f2dd2bf00e63c436e","node":"worker-1"},"containingPodId":"web-7d9c6b5f4-x2k8p.shop@0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01","containerName":"app","containerIps":["10.128.2.15","fd00:10:128:2::15"],"started":"2024-05-01T10:05:00Z","imageDigest":"sha256:5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3819ffeac36b65","finished":null,"exitCode":0,"terminationReason":""},{"instanceId":{"containerRuntime":"UNKNOWN_CONTAINER_RUNTIME","id":"b8260cf725d5deb6f832dd098154d7f7210228babf6243e7b2324998876a31ea","node":"worker-1"},"containingPodId":"web-7d9c6b5f4-x2k8p.shop@0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01","containerName":"log","containerIps":["10.128.2.15","fd00:10:128:2::15"],"started":"2024-05-01T10:00:04Z","imageDigest":"sha256:836ff184e7b41b1e13cb5fd89fa1de98dbbab99e9d2918913ff43b86a5c7c213","finished":null,"exitCode":0,"terminationReason":""}],"terminatedInstances":[{"instances":[{"instanceId":{"containerRuntime":"UNKNOWN_CONTAINER_RUNTIME","id":"5eb7e725e6bac43f2a906437aa7be080081de786a7d12f7b9649be47b69d6ca0","node":"worker-1"},"containingPodId":"web-7d9c6b5f4-x2k8p.shop@0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01","containerName":"app","containerIps":["10.128.2.15","fd00:10:128:2::15"],"started":"2024-05-01T10:00:05Z","imageDigest":"sha256:5be1ecc7935f1dd85635d4feedaf660594030253cc97c9e9ca3819ffeac36b65","finished":"2024-05-01T10:04:58Z","exitCode":137,"terminationReason":"OOMKilled"}]}],"started":"2024-05-01T10:00:00Z"}}}""";

    public static OwnerObject ReplicaSet => Owner("ReplicaSet", "web-7d9c6b5f4", ReplicaSetUid, references: Ref("Deployment", "web", DeploymentUid));

    public static OwnerObject Deployment => Owner("Deployment", "web", DeploymentUid, labels: new Dictionary<string, string> { ["app"] = "web" });

    /// <summary>The pod of §11 as first observed.</summary>
    public static V1Pod Pod()
    {
        var pod = new V1Pod
        {
            Metadata = new V1ObjectMeta
            {
                Name = "web-7d9c6b5f4-x2k8p",
                NamespaceProperty = "shop",
                Uid = PodUid,
                CreationTimestamp = Utc("2024-05-01T10:00:00Z"),
                OwnerReferences = [Ref("ReplicaSet", "web-7d9c6b5f4", ReplicaSetUid)],
                Labels = new Dictionary<string, string> { ["app"] = "web" },
            },
            Spec = new V1PodSpec
            {
                NodeName = "worker-1",
                Containers = [new V1Container { Name = "app", Image = "nginx:1.27" }, new V1Container { Name = "log", Image = "quay.io/acme/log:2" }],
            },
            Status = new V1PodStatus
            {
                PodIP = "10.128.2.15",
                PodIPs = [new V1PodIP { Ip = "10.128.2.15" }, new V1PodIP { Ip = "fd00:10:128:2::15" }],
                ContainerStatuses =
                [
                    new V1ContainerStatus
                    {
                        Name = "app",
                        ContainerID = "containerd://" + AppRun2,
                        ImageID = NginxImageId,
                        Image = "docker.io/library/nginx:1.27",
                        RestartCount = 1,
                        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Utc("2024-05-01T10:05:00Z") } },
                        LastState = new V1ContainerState { Terminated = Terminated("containerd://" + AppRun1, 137, "OOMKilled", "2024-05-01T10:00:05Z", "2024-05-01T10:04:58Z") },
                    },
                    new V1ContainerStatus
                    {
                        Name = "log",
                        ContainerID = "containerd://" + LogRun1,
                        ImageID = LogImageId,
                        Image = "quay.io/acme/log:2",
                        State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = Utc("2024-05-01T10:00:04Z") } },
                    },
                ],
            },
        };
        return pod;
    }

    /// <summary>Follow-up 1: <c>app</c> crashed again and waits in CrashLoopBackOff with the id of the run that ended.</summary>
    public static V1Pod CrashLoop()
    {
        var pod = Pod();
        var app = pod.Status.ContainerStatuses[0];
        app.RestartCount = 2;
        app.State = new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = "CrashLoopBackOff" } };
        app.LastState = new V1ContainerState { Terminated = Terminated("containerd://" + AppRun2, 1, "Error", "2024-05-01T10:05:00Z", "2024-05-01T10:06:00Z") };
        return pod;
    }
}
