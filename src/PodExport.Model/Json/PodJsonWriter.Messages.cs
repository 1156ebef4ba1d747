using System.Text.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Json;

// The messages one by one, keys in proto declaration order (export-api §4.2), every field present (W-19).
public static partial class PodJsonWriter
{
    // Stands in for a null list element (possible only with nullable warnings off): every field unset.
    private static readonly ContainerInstance EmptyInstance = new();

    /// <summary>
    /// Writes <c>storage.Pod</c> as a JSON value. The writer must use <see cref="GoJsonEncoder"/> (as
    /// <see cref="CompactOptions"/> and <see cref="PrettyOptions"/> do) for the W-24 escaping.
    /// </summary>
    /// <exception cref="ArgumentException">The writer uses another encoder.</exception>
    public static void WritePod(Utf8JsonWriter writer, Pod pod)
    {
        RequireGoEncoder(writer);
        ArgumentNullException.ThrowIfNull(pod);
        writer.WriteStartObject();
        writer.WriteString(JsonNames.Id, pod.Id ?? "");
        writer.WriteString(JsonNames.Name, pod.Name ?? "");
        writer.WriteString(JsonNames.DeploymentId, pod.DeploymentId ?? "");
        writer.WriteString(JsonNames.Namespace, pod.Namespace ?? "");
        writer.WriteString(JsonNames.ClusterId, pod.ClusterId ?? "");

        writer.WritePropertyName(JsonNames.LiveInstances);
        WriteInstances(writer, pod.LiveInstances);

        writer.WritePropertyName(JsonNames.TerminatedInstances);
        writer.WriteStartArray();
        if (pod.TerminatedInstances is { } buckets)
        {
            // Indexing, not foreach: an interface enumerator would allocate on every render.
            for (var i = 0; i < buckets.Count; i++)
            {
                writer.WriteStartObject();
                writer.WritePropertyName(JsonNames.Instances);
                WriteInstances(writer, buckets[i]?.Instances);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();

        WriteTimestamp(writer, JsonNames.Started, pod.Started);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes <c>google.rpc.Status</c> as a JSON value: <c>{"code":N,"message":"…","details":[]}</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The writer uses another encoder.</exception>
    public static void WriteStatus(Utf8JsonWriter writer, RpcStatus status)
    {
        RequireGoEncoder(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.WriteStartObject();
        WriteStatusFields(writer, status);
        writer.WriteEndObject();
    }

    private static void RequireGoEncoder(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Any other encoder (the default one included) silently produces bytes StackRox would not send.
        if (writer.Options.Encoder != GoJsonEncoder.Instance)
        {
            throw new ArgumentException("The writer must use GoJsonEncoder (PodJsonWriter.CompactOptions or PrettyOptions).", nameof(writer));
        }
    }

    private static void WriteStatusFields(Utf8JsonWriter writer, RpcStatus status)
    {
        writer.WriteNumber(JsonNames.Code, (int)status.Code);
        writer.WriteString(JsonNames.Message, status.Message ?? "");
        writer.WritePropertyName(JsonNames.Details);
        writer.WriteStartArray();
        writer.WriteEndArray();
    }

    private static void WriteInstances(Utf8JsonWriter writer, IReadOnlyList<ContainerInstance>? instances)
    {
        writer.WriteStartArray();
        if (instances is not null)
        {
            for (var i = 0; i < instances.Count; i++)
            {
                WriteInstance(writer, instances[i] ?? EmptyInstance);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteInstance(Utf8JsonWriter writer, ContainerInstance instance)
    {
        writer.WriteStartObject();

        writer.WritePropertyName(JsonNames.InstanceId);
        if (instance.InstanceId is { } id)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(JsonNames.ContainerRuntime);
            WriteRuntime(writer, id.ContainerRuntime);
            writer.WriteString(JsonNames.Id, id.Id ?? "");
            writer.WriteString(JsonNames.Node, id.Node ?? "");
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteString(JsonNames.ContainingPodId, instance.ContainingPodId ?? "");
        writer.WriteString(JsonNames.ContainerName, instance.ContainerName ?? "");

        writer.WritePropertyName(JsonNames.ContainerIps);
        writer.WriteStartArray();
        if (instance.ContainerIps is { } ips)
        {
            for (var i = 0; i < ips.Count; i++)
            {
                writer.WriteStringValue(ips[i] ?? "");
            }
        }

        writer.WriteEndArray();

        WriteTimestamp(writer, JsonNames.Started, instance.Started);
        writer.WriteString(JsonNames.ImageDigest, instance.ImageDigest ?? "");
        WriteTimestamp(writer, JsonNames.Finished, instance.Finished);
        writer.WriteNumber(JsonNames.ExitCode, instance.ExitCode);
        writer.WriteString(JsonNames.TerminationReason, instance.TerminationReason ?? "");

        writer.WriteEndObject();
    }

    private static void WriteRuntime(Utf8JsonWriter writer, ContainerRuntime runtime)
    {
        switch (runtime)
        {
            case ContainerRuntime.UnknownContainerRuntime:
                writer.WriteStringValue(JsonNames.UnknownContainerRuntime);
                break;
            case ContainerRuntime.DockerContainerRuntime:
                writer.WriteStringValue(JsonNames.DockerContainerRuntime);
                break;
            case ContainerRuntime.CrioContainerRuntime:
                writer.WriteStringValue(JsonNames.CrioContainerRuntime);
                break;
            default:
                // protojson writes an enum value without a name as its number.
                writer.WriteNumberValue((int)runtime);
                break;
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, JsonEncodedText name, Timestamp? value)
    {
        if (value is { } timestamp)
        {
            Span<byte> text = stackalloc byte[Rfc3339.MaxLength];
            var length = Rfc3339.Format(timestamp, text);
            writer.WriteString(name, text[..length]);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
