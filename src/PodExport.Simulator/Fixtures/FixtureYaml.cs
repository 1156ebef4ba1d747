using k8s;
using k8s.Models;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PodExport.Simulator.Fixtures;

/// <summary>
/// YAML fixtures: one or more documents, each an object or a <c>List</c>. Documents are split with YamlDotNet so that
/// an error can name its document and line; each object is then read by <see cref="KubernetesYaml"/>.
/// </summary>
internal static class FixtureYaml
{
    public static List<(IKubernetesObject<V1ObjectMeta> Object, string Location)> Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw FixtureException.For(path, $"line {e.Start.Line}", $"invalid YAML: {e.Message}", e);
        }

        var result = new List<(IKubernetesObject<V1ObjectMeta>, string)>();
        var number = 0;
        foreach (var document in stream.Documents)
        {
            number++;
            var root = document.RootNode;
            var location = $"document {number} (line {root.Start.Line})";
            if (root is YamlScalarNode { Value: null or "" })
            {
                continue; // an empty document, e.g. after a trailing '---'
            }

            if (root is not YamlMappingNode mapping)
            {
                throw FixtureException.For(path, location, $"expected a mapping (an object), found {root.NodeType}.");
            }

            var kind = Scalar(mapping, "kind");
            if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal))
            {
                if (!mapping.Children.TryGetValue(new YamlScalarNode("items"), out var items)
                    || items is not YamlSequenceNode sequence)
                {
                    if (items is YamlScalarNode { Value: null or "" or "null" } || (items is null && kind == "List"))
                    {
                        continue; // an empty list
                    }

                    throw FixtureException.For(path, location, $"the {kind} has no 'items' sequence.");
                }

                var itemKind = kind == "List" ? null : kind[..^"List".Length];
                var listApiVersion = itemKind is null ? null : Scalar(mapping, "apiVersion");
                var index = 0;
                foreach (var item in sequence)
                {
                    var itemLocation = $"{location}, item {++index} (line {item.Start.Line})";
                    if (item is not YamlMappingNode itemMapping)
                    {
                        throw FixtureException.For(path, itemLocation, $"expected a mapping, found {item.NodeType}.");
                    }

                    result.Add((Convert(path, itemLocation, itemMapping, itemKind, listApiVersion), itemLocation));
                }

                continue;
            }

            result.Add((Convert(path, location, mapping, null, null), location));
        }

        return result;
    }

    private static IKubernetesObject<V1ObjectMeta> Convert(string path, string location, YamlMappingNode node,
        string? defaultKind, string? defaultApiVersion) =>
        FixtureLoader.Convert(path, location, Scalar(node, "kind") ?? defaultKind,
            Scalar(node, "apiVersion") ?? defaultApiVersion, node, static (entry, n) => entry.FromYaml(Emit(n)));

    /// <summary>Writes one node back out as a YAML document for <see cref="KubernetesYaml"/>.</summary>
    private static string Emit(YamlNode node)
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar
            ? scalar.Value
            : null;
}
