using k8s;
using k8s.Models;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Fixtures;

/// <summary>
/// Loads objects from YAML or JSON files: a kubectl-style <c>List</c> (also a typed list such as <c>PodList</c>), a
/// single object, or multi-document YAML, of the kinds the simulator serves. The whole file is parsed before
/// anything is written, so a bad file creates nothing; errors name the file and the document or item.
/// </summary>
public static class FixtureLoader
{
    /// <summary>Creates every object of the file through the writer, in file order; returns how many were created.</summary>
    /// <exception cref="FixtureException">The file cannot be read or parsed, or holds an unsupported kind.</exception>
    public static int Load(IClusterWriter writer, string path)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw FixtureException.For(path, null, $"cannot be read: {e.Message}", e);
        }

        var objects = LooksLikeJson(path, text) ? FixtureJson.Parse(path, text) : FixtureYaml.Parse(path, text);
        foreach (var (obj, location) in objects)
        {
            try
            {
                writer.Create(obj);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw FixtureException.For(path, location,
                    $"{obj.Kind} {obj.Metadata.NamespaceProperty}/{obj.Metadata.Name} was rejected: {e.Message}", e);
            }
        }

        return objects.Count;
    }

    /// <summary>YamlDotNet's outer message is only "Exception during deserialization"; the cause is inside.</summary>
    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(": ", messages);
    }

    private static bool LooksLikeJson(string path, string text)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var first = text.AsSpan().TrimStart();
        return first.Length > 0 && (first[0] == '{' || first[0] == '[');
    }

    /// <summary>
    /// Checks kind and apiVersion (a typed list's items may omit them), deserializes, and applies kubectl's defaults:
    /// kind/apiVersion set, namespace <c>default</c> for namespaced kinds, none for cluster-scoped ones.
    /// </summary>
    internal static IKubernetesObject<V1ObjectMeta> Convert<TSource>(
        string path, string location, string? kind, string? apiVersion, TSource source,
        Func<FixtureKinds.Entry, TSource, IKubernetesObject<V1ObjectMeta>> deserialize)
    {
        if (string.IsNullOrEmpty(kind))
        {
            throw FixtureException.For(path, location, "the object has no 'kind'.");
        }

        if (!FixtureKinds.TryGet(kind, out var entry))
        {
            throw FixtureException.For(path, location, $"kind '{kind}' is not supported (supported: {FixtureKinds.Supported}).");
        }

        if (string.IsNullOrEmpty(apiVersion))
        {
            throw FixtureException.For(path, location, $"the {kind} has no 'apiVersion' (expected '{entry.ApiVersion}').");
        }

        if (apiVersion != entry.ApiVersion)
        {
            throw FixtureException.For(path, location,
                $"apiVersion '{apiVersion}' of kind {kind} is not supported (expected '{entry.ApiVersion}').");
        }

        IKubernetesObject<V1ObjectMeta> obj;
        try
        {
            obj = deserialize(entry, source);
        }
        catch (Exception e) when (e is not FixtureException and not OperationCanceledException)
        {
            throw FixtureException.For(path, location, $"the {kind} cannot be read: {Describe(e)}", e);
        }

        obj.Kind = kind;
        obj.ApiVersion = apiVersion;
        if (string.IsNullOrEmpty(obj.Metadata?.Name))
        {
            throw FixtureException.For(path, location, $"the {kind} has no metadata.name.");
        }

        if (!entry.Namespaced)
        {
            obj.Metadata.NamespaceProperty = null;
        }
        else if (string.IsNullOrEmpty(obj.Metadata.NamespaceProperty))
        {
            obj.Metadata.NamespaceProperty = "default";
        }

        return obj;
    }
}
