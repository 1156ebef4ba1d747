namespace PodExport.Model.Wire;

/// <summary>StackRox <c>storage.ContainerRuntime</c>; there is no containerd value (export-api §4.2).</summary>
public enum ContainerRuntime
{
    UnknownContainerRuntime = 0,
    DockerContainerRuntime = 1,
    CrioContainerRuntime = 2,
}
