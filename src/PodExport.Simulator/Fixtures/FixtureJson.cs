using System.Text.Json;
using k8s;
using k8s.Models;

namespace PodExport.Simulator.Fixtures;

/// <summary>JSON fixtures: one object, a <c>List</c> (or typed list) with <c>items</c>, or an array of objects.</summary>
internal static class FixtureJson
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    public static List<(IKubernetesObject<V1ObjectMeta> Object, string Location)> Parse(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            throw FixtureException.For(path, $"line {(e.LineNumber ?? 0) + 1}", $"invalid JSON: {e.Message}", e);
        }

        using (document)
        {
            var result = new List<(IKubernetesObject<V1ObjectMeta>, string)>();
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                AddItems(path, root, null, null, result);
                return result;
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw FixtureException.For(path, null, $"expected a JSON object or array, found {root.ValueKind}.");
            }

            var kind = String(root, "kind");
            if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal))
            {
                if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    throw FixtureException.For(path, null, $"the {kind} has no 'items' array.");
                }

                // A typed list (PodList) may omit its items' kind and apiVersion, as list responses do.
                var itemKind = kind == "List" ? null : kind[..^"List".Length];
                AddItems(path, items, itemKind, itemKind is null ? null : String(root, "apiVersion"), result);
                return result;
            }

            result.Add((Convert(path, "the object", root, null, null), "the object"));
            return result;
        }
    }

    private static void AddItems(string path, JsonElement items, string? kind, string? apiVersion,
        List<(IKubernetesObject<V1ObjectMeta>, string)> result)
    {
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var location = $"item {++index}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw FixtureException.For(path, location, $"expected an object, found {item.ValueKind}.");
            }

            result.Add((Convert(path, location, item, kind, apiVersion), location));
        }
    }

    private static IKubernetesObject<V1ObjectMeta> Convert(string path, string location, JsonElement element,
        string? defaultKind, string? defaultApiVersion) =>
        FixtureLoader.Convert(path, location, String(element, "kind") ?? defaultKind,
            String(element, "apiVersion") ?? defaultApiVersion, element, static (entry, e) => entry.FromJson(e));

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
