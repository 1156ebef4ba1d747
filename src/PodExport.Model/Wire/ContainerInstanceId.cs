namespace PodExport.Model.Wire;

/// <summary>StackRox <c>storage.ContainerInstanceID</c>.</summary>
public sealed record ContainerInstanceId(ContainerRuntime ContainerRuntime, string Id, string Node);
