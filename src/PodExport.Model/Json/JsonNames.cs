using System.Text.Json;

namespace PodExport.Model.Json;

/// <summary>Pre-encoded property names and enum values (export-api §4.2); none needs escaping.</summary>
internal static class JsonNames
{
    public static readonly JsonEncodedText Result = JsonEncodedText.Encode("result");
    public static readonly JsonEncodedText Pod = JsonEncodedText.Encode("pod");
    public static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");

    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    public static readonly JsonEncodedText DeploymentId = JsonEncodedText.Encode("deploymentId");
    public static readonly JsonEncodedText Namespace = JsonEncodedText.Encode("namespace");
    public static readonly JsonEncodedText ClusterId = JsonEncodedText.Encode("clusterId");
    public static readonly JsonEncodedText LiveInstances = JsonEncodedText.Encode("liveInstances");
    public static readonly JsonEncodedText TerminatedInstances = JsonEncodedText.Encode("terminatedInstances");
    public static readonly JsonEncodedText Started = JsonEncodedText.Encode("started");

    public static readonly JsonEncodedText Instances = JsonEncodedText.Encode("instances");

    public static readonly JsonEncodedText InstanceId = JsonEncodedText.Encode("instanceId");
    public static readonly JsonEncodedText ContainingPodId = JsonEncodedText.Encode("containingPodId");
    public static readonly JsonEncodedText ContainerName = JsonEncodedText.Encode("containerName");
    public static readonly JsonEncodedText ContainerIps = JsonEncodedText.Encode("containerIps");
    public static readonly JsonEncodedText ImageDigest = JsonEncodedText.Encode("imageDigest");
    public static readonly JsonEncodedText Finished = JsonEncodedText.Encode("finished");
    public static readonly JsonEncodedText ExitCode = JsonEncodedText.Encode("exitCode");
    public static readonly JsonEncodedText TerminationReason = JsonEncodedText.Encode("terminationReason");

    public static readonly JsonEncodedText ContainerRuntime = JsonEncodedText.Encode("containerRuntime");
    public static readonly JsonEncodedText Node = JsonEncodedText.Encode("node");

    public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText Details = JsonEncodedText.Encode("details");

    public static readonly JsonEncodedText UnknownContainerRuntime = JsonEncodedText.Encode("UNKNOWN_CONTAINER_RUNTIME");
    public static readonly JsonEncodedText DockerContainerRuntime = JsonEncodedText.Encode("DOCKER_CONTAINER_RUNTIME");
    public static readonly JsonEncodedText CrioContainerRuntime = JsonEncodedText.Encode("CRIO_CONTAINER_RUNTIME");
}
