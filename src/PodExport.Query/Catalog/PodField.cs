namespace PodExport.Query.Catalog;

/// <summary>The pod record field a supported label reads (query-language §5.1).</summary>
public enum PodField
{
    PodId,
    PodName,
    DeploymentId,
    Namespace,
    ClusterId,
    ContainerImageDigest,
    Cluster,
    Deployment,
    DeploymentType,
    DeploymentLabel,
    PodLabel,
    PodUid,
    Node,
    ContainerName,
    Image,
    PodStarted,
    ExitCode,
    TerminationReason,
    ContainerRestarts,
    PodDeleted,
}
