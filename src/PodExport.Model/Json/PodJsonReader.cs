using System.Text.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Json;

/// <summary>
/// Reads back a line <see cref="PodJsonWriter.RenderLine(Pod)"/> wrote: the store keeps only the rendered line, and rebuilds
/// the wire pod from it in the rare cases that need one (a deletion, a new owner, tests). Rendering the result again
/// gives the same bytes.
/// </summary>
public static class PodJsonReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 16 };

    /// <summary>Parses <c>{"result":{"pod":…}}</c> (a trailing <c>\n</c> is allowed).</summary>
    /// <exception cref="JsonException">The bytes are not such a line.</exception>
    public static Pod ReadLine(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, Options);
        Expect(ref reader, JsonTokenType.StartObject);
        ExpectProperty(ref reader, "result"u8);
        Expect(ref reader, JsonTokenType.StartObject);
        ExpectProperty(ref reader, "pod"u8);
        var pod = ReadPod(ref reader);
        Expect(ref reader, JsonTokenType.EndObject);
        Expect(ref reader, JsonTokenType.EndObject);
        return pod;
    }

    private static Pod ReadPod(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        string id = "", name = "", deploymentId = "", ns = "", clusterId = "";
        ContainerInstance[] live = [];
        Pod.ContainerInstanceList[] terminated = [];
        Timestamp? started = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("deploymentId"u8))
            {
                deploymentId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("namespace"u8))
            {
                ns = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("clusterId"u8))
            {
                clusterId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("liveInstances"u8))
            {
                live = ReadInstances(ref reader);
            }
            else if (reader.ValueTextEquals("terminatedInstances"u8))
            {
                terminated = ReadBuckets(ref reader);
            }
            else if (reader.ValueTextEquals("started"u8))
            {
                started = ReadTimestamp(ref reader);
            }
            else
            {
                throw Unexpected(ref reader);
            }
        }

        return new Pod
        {
            Id = id,
            Name = name,
            DeploymentId = deploymentId,
            Namespace = ns,
            ClusterId = clusterId,
            LiveInstances = live,
            TerminatedInstances = terminated,
            Started = started,
        };
    }

    private static Pod.ContainerInstanceList[] ReadBuckets(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var buckets = new List<Pod.ContainerInstanceList>();
        while (Read(ref reader) != JsonTokenType.EndArray)
        {
            Require(ref reader, JsonTokenType.StartObject);
            ContainerInstance[] instances = [];
            while (NextProperty(ref reader))
            {
                if (!reader.ValueTextEquals("instances"u8))
                {
                    throw Unexpected(ref reader);
                }

                instances = ReadInstances(ref reader);
            }

            buckets.Add(new Pod.ContainerInstanceList(instances));
        }

        return [.. buckets];
    }

    private static ContainerInstance[] ReadInstances(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var instances = new List<ContainerInstance>();
        while (Read(ref reader) != JsonTokenType.EndArray)
        {
            instances.Add(ReadInstance(ref reader));
        }

        return [.. instances];
    }

    private static ContainerInstance ReadInstance(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.StartObject);
        ContainerInstanceId? instanceId = null;
        string containingPodId = "", containerName = "", imageDigest = "", reason = "";
        string[] ips = [];
        Timestamp? started = null, finished = null;
        var exitCode = 0;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("instanceId"u8))
            {
                instanceId = ReadInstanceId(ref reader);
            }
            else if (reader.ValueTextEquals("containingPodId"u8))
            {
                containingPodId = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("containerName"u8))
            {
                containerName = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("containerIps"u8))
            {
                ips = ReadStrings(ref reader);
            }
            else if (reader.ValueTextEquals("started"u8))
            {
                started = ReadTimestamp(ref reader);
            }
            else if (reader.ValueTextEquals("imageDigest"u8))
            {
                imageDigest = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("finished"u8))
            {
                finished = ReadTimestamp(ref reader);
            }
            else if (reader.ValueTextEquals("exitCode"u8))
            {
                Expect(ref reader, JsonTokenType.Number);
                exitCode = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("terminationReason"u8))
            {
                reason = ReadString(ref reader);
            }
            else
            {
                throw Unexpected(ref reader);
            }
        }

        return new ContainerInstance
        {
            InstanceId = instanceId,
            ContainingPodId = containingPodId,
            ContainerName = containerName,
            ContainerIps = ips,
            Started = started,
            ImageDigest = imageDigest,
            Finished = finished,
            ExitCode = exitCode,
            TerminationReason = reason,
        };
    }

    private static ContainerInstanceId? ReadInstanceId(ref Utf8JsonReader reader)
    {
        if (Read(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        Require(ref reader, JsonTokenType.StartObject);
        var runtime = ContainerRuntime.UnknownContainerRuntime;
        string id = "", node = "";
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("containerRuntime"u8))
            {
                runtime = ReadRuntime(ref reader);
            }
            else if (reader.ValueTextEquals("id"u8))
            {
                id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("node"u8))
            {
                node = ReadString(ref reader);
            }
            else
            {
                throw Unexpected(ref reader);
            }
        }

        return new ContainerInstanceId(runtime, id, node);
    }

    private static ContainerRuntime ReadRuntime(ref Utf8JsonReader reader)
    {
        // protojson writes an enum value without a name as its number (PodJsonWriter.WriteRuntime).
        if (Read(ref reader) == JsonTokenType.Number)
        {
            return (ContainerRuntime)reader.GetInt32();
        }

        Require(ref reader, JsonTokenType.String);
        if (reader.ValueTextEquals(JsonNames.DockerContainerRuntime.EncodedUtf8Bytes))
        {
            return ContainerRuntime.DockerContainerRuntime;
        }

        if (reader.ValueTextEquals(JsonNames.CrioContainerRuntime.EncodedUtf8Bytes))
        {
            return ContainerRuntime.CrioContainerRuntime;
        }

        return reader.ValueTextEquals(JsonNames.UnknownContainerRuntime.EncodedUtf8Bytes)
            ? ContainerRuntime.UnknownContainerRuntime
            : throw Unexpected(ref reader);
    }

    private static string[] ReadStrings(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var values = new List<string>();
        while (Read(ref reader) != JsonTokenType.EndArray)
        {
            Require(ref reader, JsonTokenType.String);
            values.Add(reader.GetString() ?? "");
        }

        return [.. values];
    }

    private static Timestamp? ReadTimestamp(ref Utf8JsonReader reader)
    {
        if (Read(ref reader) == JsonTokenType.Null)
        {
            return null;
        }

        Require(ref reader, JsonTokenType.String);
        Span<byte> text = stackalloc byte[Rfc3339.MaxLength];
        var length = reader.CopyString(text);
        return Rfc3339.TryParse(text[..length], out var value) ? value : throw Unexpected(ref reader);
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String);
        return reader.GetString() ?? "";
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        var token = Read(ref reader);
        if (token == JsonTokenType.EndObject)
        {
            return false;
        }

        Require(ref reader, JsonTokenType.PropertyName);
        return true;
    }

    private static void ExpectProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        Expect(ref reader, JsonTokenType.PropertyName);
        if (!reader.ValueTextEquals(name))
        {
            throw Unexpected(ref reader);
        }
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        Read(ref reader);
        Require(ref reader, type);
    }

    private static void Require(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw Unexpected(ref reader);
        }
    }

    private static JsonTokenType Read(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("The pod line ends early.");

    private static JsonException Unexpected(ref Utf8JsonReader reader) =>
        new($"Unexpected {reader.TokenType} at byte {reader.TokenStartIndex} of a pod line.");
}
