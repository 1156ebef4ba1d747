using System.Text.Json;
using k8s;
using k8s.Models;

namespace PodExport.Simulator.Fixtures;

/// <summary>The kinds a fixture may hold, with their apiVersion and typed deserializers.</summary>
internal static class FixtureKinds
{
    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["Pod"] = Of<V1Pod>("v1", namespaced: true),
        ["Namespace"] = Of<V1Namespace>("v1", namespaced: false),
        ["Node"] = Of<V1Node>("v1", namespaced: false),
        ["ReplicationController"] = Of<V1ReplicationController>("v1", namespaced: true),
        ["ReplicaSet"] = Of<V1ReplicaSet>("apps/v1", namespaced: true),
        ["Deployment"] = Of<V1Deployment>("apps/v1", namespaced: true),
        ["StatefulSet"] = Of<V1StatefulSet>("apps/v1", namespaced: true),
        ["DaemonSet"] = Of<V1DaemonSet>("apps/v1", namespaced: true),
        ["Job"] = Of<V1Job>("batch/v1", namespaced: true),
        ["CronJob"] = Of<V1CronJob>("batch/v1", namespaced: true),
    };

    public static string Supported => string.Join(", ", Entries.Keys);

    public static bool TryGet(string kind, out Entry entry) => Entries.TryGetValue(kind, out entry!);

    private static Entry Of<T>(string apiVersion, bool namespaced)
        where T : class, IKubernetesObject<V1ObjectMeta> => new(
            apiVersion,
            namespaced,
            element => KubernetesJson.Deserialize<T>(element),
            yaml => KubernetesYaml.Deserialize<T>(yaml));

    /// <summary>One supported kind.</summary>
    internal sealed record Entry(
        string ApiVersion,
        bool Namespaced,
        Func<JsonElement, IKubernetesObject<V1ObjectMeta>> FromJson,
        Func<string, IKubernetesObject<V1ObjectMeta>> FromYaml);
}
