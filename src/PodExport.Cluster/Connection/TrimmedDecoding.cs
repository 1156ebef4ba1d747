using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace PodExport.Cluster.Connection;

/// <summary>
/// Makes one client skip, while decoding its answers, every field PodExport never reads: managedFields, annotations,
/// volumes, env, probes, resources, conditions… and all of an owner's spec and status. A realistic pod is several KB
/// of JSON of which the pipeline reads a few hundred bytes; skipped values are stepped over by the reader without
/// allocating an object, a string or a parsed timestamp, so they cost neither decoding time nor heap that the garbage
/// collector must then move while a 100 000-pod list is held (issue 8). Of the kept strings, those that repeat across
/// pods (images, owner references, labels…) are decoded to one shared instance each (<see cref="RepeatedStrings"/>).
/// </summary>
/// <remarks>
/// Only the given configuration's copy of the serializer options changes (KubernetesClient 21.0.8 gives every
/// <see cref="KubernetesClientConfiguration"/> its own copy of <c>KubernetesJson</c>'s options and decodes each
/// list, get and create answer with it). Watch events are decoded with the shared <c>KubernetesJson</c> options,
/// which stay untouched, as does every other serializer in the process (the simulator's, tests'). A skipped property
/// only loses its setter, so anything this client serializes, such as review request bodies, is written as before.
/// The kept fields are those <c>PodConverter</c>, the owner projection, the reflector and the cluster identity read;
/// a field added there must be added here (the decoding tests compare the converter's output both ways). The kept
/// timestamps are read by <see cref="UtcTimestampConverter"/>, to the same values.
/// </remarks>
public static class TrimmedDecoding
{
    private static readonly string[] MetadataOnly = ["apiVersion", "kind", "metadata"];

    private static readonly FrozenDictionary<Type, FrozenSet<string>> Read = new Dictionary<Type, string[]>
    {
        [typeof(V1ObjectMeta)] = ["name", "namespace", "uid", "resourceVersion", "labels", "ownerReferences", "creationTimestamp", "deletionTimestamp"],
        [typeof(V1PodSpec)] = ["nodeName", "containers", "initContainers", "ephemeralContainers"],
        [typeof(V1Container)] = ["name", "image"],
        [typeof(V1EphemeralContainer)] = ["name", "image"],
        [typeof(V1PodStatus)] = ["containerStatuses", "initContainerStatuses", "ephemeralContainerStatuses", "podIP", "podIPs"],
        [typeof(V1ContainerStatus)] = ["name", "image", "imageID", "containerID", "restartCount", "state", "lastState"],

        // Owners are projected to uid, name, namespace, labels and owner references (kubernetes-api B.1).
        [typeof(V1ReplicaSet)] = MetadataOnly,
        [typeof(V1Deployment)] = MetadataOnly,
        [typeof(V1StatefulSet)] = MetadataOnly,
        [typeof(V1DaemonSet)] = MetadataOnly,
        [typeof(V1Job)] = MetadataOnly,
        [typeof(V1CronJob)] = MetadataOnly,
        [typeof(V1ReplicationController)] = MetadataOnly,
    }.ToFrozenDictionary(entry => entry.Key, entry => entry.Value.ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Kept strings that repeat across pods (<see cref="RepeatedStrings"/>).</summary>
    private static readonly FrozenDictionary<Type, FrozenSet<string>> Shared = new Dictionary<Type, string[]>
    {
        [typeof(V1ObjectMeta)] = ["namespace", "labels"],
        [typeof(V1PodSpec)] = ["nodeName"],
        [typeof(V1Container)] = ["name", "image"],
        [typeof(V1EphemeralContainer)] = ["name", "image"],
        [typeof(V1ContainerStatus)] = ["name", "image", "imageID"],
        [typeof(V1ContainerStateTerminated)] = ["reason"],
        [typeof(V1ContainerStateWaiting)] = ["reason"],
        [typeof(V1OwnerReference)] = ["apiVersion", "kind", "name", "uid"],
    }.ToFrozenDictionary(entry => entry.Key, entry => entry.Value.ToFrozenSet(StringComparer.Ordinal));

    /// <summary>
    /// Makes the client built from <paramref name="configuration"/> skip the unread fields. Call once, before the
    /// client is created and before anything decodes with the configuration's options.
    /// </summary>
    public static KubernetesClientConfiguration Apply(KubernetesClientConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.AddJsonOptions(Trim);
        return configuration;
    }

    /// <summary>Adds the skipping to options that are not yet in use.</summary>
    private static void Trim(JsonSerializerOptions options)
    {
        var resolver = options.TypeInfoResolver
            ?? throw new InvalidOperationException("The Kubernetes client's serializer options have no type-info resolver to trim.");
        var strings = new RepeatedStrings();
        options.TypeInfoResolver = resolver.WithAddedModifier(typeInfo => Modify(typeInfo, strings));
        options.Converters.Insert(0, new UtcTimestampConverter());
    }

    private static void Modify(JsonTypeInfo typeInfo, RepeatedStrings strings)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        if (Read.TryGetValue(typeInfo.Type, out var read))
        {
            foreach (var property in typeInfo.Properties)
            {
                if (!read.Contains(property.Name))
                {
                    // Without a setter the reader skips the value; the getter stays, so writing is unchanged.
                    property.Set = null;
                }
            }
        }

        if (Shared.TryGetValue(typeInfo.Type, out var shared))
        {
            foreach (var property in typeInfo.Properties)
            {
                if (shared.Contains(property.Name))
                {
                    property.CustomConverter = property.PropertyType == typeof(string) ? strings.String
                        : property.PropertyType == typeof(IDictionary<string, string>) ? strings.Labels
                        : throw new InvalidOperationException($"{typeInfo.Type.Name}.{property.Name} is a {property.PropertyType.Name}, not a string or a string map.");
                }
            }
        }
    }
}
