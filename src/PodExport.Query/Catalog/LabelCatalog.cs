using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace PodExport.Query.Catalog;

/// <summary>
/// The labels of query-language §5: the supported pod labels (§5.1) and the StackRox labels that do not apply to
/// pods (§5.2, shipped as the embedded resource <c>StackRoxLabels.txt</c>). Lookups ignore case.
/// </summary>
public static class LabelCatalog
{
    private const string StackRoxResource = "PodExport.Query.Catalog.StackRoxLabels.txt";

    private static readonly FrozenDictionary<string, QueryLabel> SupportedByName;
    private static readonly FrozenDictionary<string, QueryLabel>.AlternateLookup<ReadOnlySpan<char>> SupportedLookup;
    private static readonly FrozenDictionary<string, string> StackRoxByName;
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> StackRoxLookup;

    static LabelCatalog()
    {
        QueryLabel[] labels =
        [
            new("Pod ID", FieldType.Uuid, PodField.PodId),
            new("Pod Name", FieldType.String, PodField.PodName),
            new("Deployment ID", FieldType.Uuid, PodField.DeploymentId),
            new("Namespace", FieldType.String, PodField.Namespace),
            new("Cluster ID", FieldType.Uuid, PodField.ClusterId),
            new("Container Image Digest", FieldType.String, PodField.ContainerImageDigest, isList: true),
            new("Cluster", FieldType.String, PodField.Cluster),
            new("Deployment", FieldType.String, PodField.Deployment),
            new("Deployment Type", FieldType.String, PodField.DeploymentType),
            new("Deployment Label", FieldType.Map, PodField.DeploymentLabel),
            new("Pod Label", FieldType.Map, PodField.PodLabel),
            new("Pod UID", FieldType.Uuid, PodField.PodUid),
            new("Node", FieldType.String, PodField.Node),
            new("Container Name", FieldType.String, PodField.ContainerName, isList: true),
            new("Image", FieldType.String, PodField.Image, isList: true),
            new("Pod Started", FieldType.Date, PodField.PodStarted),
            new("Exit Code", FieldType.Numeric, PodField.ExitCode, isList: true),
            new("Termination Reason", FieldType.String, PodField.TerminationReason, isList: true),
            new("Container Restarts", FieldType.Numeric, PodField.ContainerRestarts),
            new("Pod Deleted", FieldType.Bool, PodField.PodDeleted),
        ];
        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        Supported = labels;
        SupportedList = string.Join(", ", labels.Select(static l => l.Name));
        SupportedByName = labels.ToFrozenDictionary(static l => l.Name, StringComparer.OrdinalIgnoreCase);
        SupportedLookup = SupportedByName.GetAlternateLookup<ReadOnlySpan<char>>();

        StackRoxByName = ReadStackRoxLabels()
            .Where(name => !SupportedByName.ContainsKey(name))
            .ToFrozenDictionary(static name => name, static name => name, StringComparer.OrdinalIgnoreCase);
        StackRoxLookup = StackRoxByName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The §5.1 labels in ordinal order of their names.</summary>
    public static IReadOnlyList<QueryLabel> Supported { get; }

    /// <summary>The §5.1 names joined by <c>, </c> in ordinal order: the <c>{list}</c> of Q-27.</summary>
    public static string SupportedList { get; }

    /// <summary>The §5.2 names (StackRox labels that do not apply to pods), in their StackRox spelling.</summary>
    public static IEnumerable<string> StackRoxOnly => StackRoxByName.Values;

    /// <summary>Finds a §5.1 label, ignoring case; inner spaces must match exactly.</summary>
    public static bool TryGetSupported(ReadOnlySpan<char> name, [NotNullWhen(true)] out QueryLabel? label) =>
        SupportedLookup.TryGetValue(name, out label);

    /// <summary>Finds a §5.2 label, ignoring case, and returns its StackRox spelling.</summary>
    public static bool TryGetStackRoxOnly(ReadOnlySpan<char> name, [NotNullWhen(true)] out string? spelling) =>
        StackRoxLookup.TryGetValue(name, out spelling);

    /// <summary>True for any label of §5.1 or §5.2 (the whitespace rule Q-6 splits before these).</summary>
    public static bool IsKnown(ReadOnlySpan<char> name) =>
        SupportedLookup.ContainsKey(name) || StackRoxLookup.ContainsKey(name);

    /// <summary>
    /// The §5.1 label closest to <paramref name="typed"/> by Levenshtein distance on lower-cased text, if that
    /// distance is at most 2; ties go to the ordinally first name.
    /// </summary>
    public static string? Suggest(string typed)
    {
        var lowered = typed.ToLowerInvariant();
        string? best = null;
        var bestDistance = 3;
        foreach (var label in Supported)
        {
            var distance = Levenshtein.Distance(lowered, label.Name.ToLowerInvariant(), bestDistance);
            if (distance < bestDistance)
            {
                best = label.Name;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static List<string> ReadStackRoxLabels()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(StackRoxResource)
            ?? throw new InvalidOperationException($"Embedded resource {StackRoxResource} is missing.");
        using var reader = new StreamReader(stream);
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                names.Add(line);
            }
        }

        return names;
    }
}
