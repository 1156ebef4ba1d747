using k8s;

namespace PodExport.Server.Tests.Deployment;

/// <summary>The plain manifests of deploy/manifests/, loaded into KubernetesClient's typed models.</summary>
public static class PlainManifests
{
    public static string Directory => Path.Combine(RepositoryPaths.Deploy, "manifests");

    public static IReadOnlyList<string> Files { get; } = System.IO.Directory.GetFiles(Directory, "*.yaml")
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Every object, in apply order; strict, so an unknown field fails the load.</summary>
    public static List<object> Load() =>
        Files.SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f), strict: true)).ToList();
}
