using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PodExport.Server.Tests.Deployment;

/// <summary>
/// Loads YAML into System.Text.Json nodes with the core schema's scalar typing (what Helm sees after its YAML to JSON
/// step), merges values files the way Helm does, and writes nodes back as YAML.
/// </summary>
public static partial class YamlTree
{
    /// <summary>Every document of <paramref name="yaml"/>; an empty document is null.</summary>
    public static IReadOnlyList<JsonNode?> LoadAll(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        return stream.Documents.Select(d => Convert(d.RootNode)).ToList();
    }

    /// <summary>The single document of <paramref name="yaml"/>.</summary>
    public static JsonNode? Load(string yaml)
    {
        var documents = LoadAll(yaml);
        return documents.Count switch
        {
            0 => null,
            1 => documents[0],
            _ => throw new InvalidOperationException($"Expected one YAML document, found {documents.Count}."),
        };
    }

    public static JsonObject LoadFile(string path) =>
        Load(File.ReadAllText(path)) as JsonObject ?? throw new InvalidOperationException($"{path} is not a mapping.");

    /// <summary>Helm's merge of a values file over the defaults: maps merge key by key, everything else is replaced.</summary>
    public static JsonObject Merge(JsonObject defaults, JsonObject? overlay)
    {
        var result = (JsonObject)defaults.DeepClone();
        if (overlay is null)
        {
            return result;
        }

        foreach (var (key, value) in overlay)
        {
            result[key] = result[key] is JsonObject baseObject && value is JsonObject overlayObject
                ? Merge(baseObject, overlayObject)
                : value?.DeepClone();
        }

        return result;
    }

    /// <summary>Follows a dotted path (<c>auth.mode</c>); null when a step is missing.</summary>
    public static JsonNode? Select(JsonNode? node, string dottedPath)
    {
        foreach (var part in dottedPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>Dotted paths of the leaves of a mapping; an empty mapping is a leaf.</summary>
    public static IEnumerable<string> LeafPaths(JsonObject obj, string prefix = "")
    {
        foreach (var (key, value) in obj)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is JsonObject { Count: > 0 } child)
            {
                foreach (var leaf in LeafPaths(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>Writes a node as block YAML; every line is prefixed with <paramref name="indent"/> spaces.</summary>
    public static string ToYaml(JsonNode? node, int indent)
    {
        var lines = new List<string>();
        Write(node, indent, lines);
        return string.Join('\n', lines);
    }

    private static void Write(JsonNode? node, int indent, List<string> lines)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case JsonObject obj when obj.Count == 0:
                lines.Add(pad + "{}");
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        lines.Add($"{pad}{Scalar(JsonValue.Create(key))}:");
                        Write(value, value is JsonArray ? indent : indent + 2, lines);
                    }
                    else
                    {
                        lines.Add($"{pad}{Scalar(JsonValue.Create(key))}: {Inline(value)}");
                    }
                }

                break;
            case JsonArray array when array.Count == 0:
                lines.Add(pad + "[]");
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        var nested = new List<string>();
                        Write(item, indent + 2, nested);
                        lines.Add($"{pad}- {nested[0].TrimStart()}");
                        lines.AddRange(nested.Skip(1));
                    }
                    else
                    {
                        lines.Add($"{pad}- {Inline(item)}");
                    }
                }

                break;
            default:
                lines.Add(pad + Inline(node));
                break;
        }
    }

    private static string Inline(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        _ => Scalar(node),
    };

    // JSON string syntax is valid double-quoted YAML.
    private static string Scalar(JsonNode node) => node.ToJsonString();

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start}."),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            if (result.ContainsKey(name))
            {
                throw new InvalidOperationException($"Duplicate key '{name}' at {key.Start}.");
            }

            result[name] = Convert(value);
        }

        return result;
    }

    private static JsonValue? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (scalar.Style != ScalarStyle.Plain || tag is "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(text);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
