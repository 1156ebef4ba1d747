using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace PodExport.Server.Tests.Deployment;

/// <summary>OPERATIONS.md §1.7 (2) and §1.1: values.yaml and the templates agree, and every value is documented.</summary>
public sealed partial class ChartValuesTests(ITestOutputHelper output)
{
    private static readonly JsonObject _values = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Chart, "values.yaml"));

    [Fact]
    public void Templates_EveryValuesReference_ExistsInValuesYaml()
    {
        var missing = References()
            .Where(r => !Exists(r.Path))
            .Select(r => $"{r.File}: .Values.{r.Path}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "References to keys that values.yaml lacks:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void ValuesYaml_EveryKey_IsUsedByATemplate()
    {
        var used = References().Select(r => r.Path).ToHashSet(StringComparer.Ordinal);
        var unused = YamlTree.LeafPaths(_values)
            .Where(leaf => !used.Any(u => Covers(u, leaf)))
            .ToList();

        foreach (var key in unused)
        {
            output.WriteLine($"unused: {key}");
        }

        Assert.True(unused.Count == 0, "values.yaml keys no template uses:\n" + string.Join('\n', unused));
    }

    [Fact]
    public void ValuesYaml_EveryKey_HasAHelmDocsComment()
    {
        var undocumented = new List<string>();
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Chart, "values.yaml"));
        var ancestors = new List<(int Indent, string Key, bool Documented)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = KeyLinePattern().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var indent = match.Groups[1].Length;
            ancestors.RemoveAll(a => a.Indent >= indent);
            var documented = HasDocComment(lines, i) || ancestors.Any(a => a.Documented);
            var path = string.Join('.', ancestors.Select(a => a.Key).Append(match.Groups[2].Value));
            ancestors.Add((indent, match.Groups[2].Value, documented));
            if (IsLeaf(lines, i, indent) && !documented)
            {
                undocumented.Add(path);
            }
        }

        Assert.True(undocumented.Count == 0, "values without a '# --' comment:\n" + string.Join('\n', undocumented));
    }

    [Fact]
    public void ValuesYaml_Defaults_MatchOperationsConventions()
    {
        Assert.Equal(1, Long("replicaCount"));
        Assert.Equal("Kubernetes", Text("auth.mode"));
        Assert.Equal("ClusterIP", Text("service.type"));
        Assert.Equal(8080, Long("service.port"));
        Assert.Equal(1654, Long("podSecurityContext.runAsUser"));
        Assert.Equal(40, Long("terminationGracePeriodSeconds"));
        Assert.True(YamlTree.Select(_values, "resources") is JsonObject { Count: 0 }, "resources stay unset by default");
        Assert.Equal("64Mi", Text("tmpVolume.emptyDir.sizeLimit"));
        Assert.False(Flag("metrics.serviceMonitor.enabled"));
        Assert.False(Flag("metrics.prometheusRule.enabled"));
        Assert.False(Flag("podDisruptionBudget.enabled"));
        Assert.False(Flag("networkPolicy.enabled"));
        Assert.True(Flag("testFramework.enabled"));
    }

    [Fact]
    public void ValuesYaml_ShutdownTiming_GracePeriodExceedsPreStopPlusHostShutdown()
    {
        const long HostShutdownTimeoutSeconds = 30;

        Assert.True(Long("terminationGracePeriodSeconds") > Long("preStopSleepSeconds") + HostShutdownTimeoutSeconds);
        Assert.True(Long("export.drainSeconds") < HostShutdownTimeoutSeconds, "the drain must end inside the host shutdown timeout");
    }

    private static long Long(string path) => YamlTree.Select(_values, path)!.GetValue<long>();

    private static string Text(string path) => YamlTree.Select(_values, path)!.GetValue<string>();

    private static bool Flag(string path) => YamlTree.Select(_values, path)!.GetValue<bool>();

    /// <summary>Every <c>.Values.a.b</c> and <c>$.Values.a.b</c> in the templates, helpers and NOTES.</summary>
    private static List<(string File, string Path)> References() =>
        ChartFiles.Templates
            .SelectMany(file => ValuesReferencePattern().Matches(ChartFiles.ReadTemplate(file))
                .Select(m => (file, m.Groups[1].Value[1..])))
            .ToList();

    private static bool Exists(string path)
    {
        JsonNode? node = _values;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out node))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A reference covers a key when one is a prefix of the other (a whole object passed to toYaml).</summary>
    private static bool Covers(string reference, string key) =>
        reference == key
        || key.StartsWith(reference + ".", StringComparison.Ordinal)
        || reference.StartsWith(key + ".", StringComparison.Ordinal);

    private static bool HasDocComment(string[] lines, int keyLine)
    {
        var i = keyLine - 1;
        while (i >= 0 && lines[i].TrimStart().StartsWith('#') && !lines[i].TrimStart().StartsWith("# --", StringComparison.Ordinal))
        {
            i--;
        }

        return i >= 0 && lines[i].TrimStart().StartsWith("# --", StringComparison.Ordinal);
    }

    /// <summary>A key whose value is inline, or a block sequence: no nested keys below it.</summary>
    private static bool IsLeaf(string[] lines, int keyLine, int indent)
    {
        for (var i = keyLine + 1; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var nextIndent = lines[i].Length - trimmed.Length;
            return nextIndent <= indent || trimmed.StartsWith('-');
        }

        return true;
    }

    [GeneratedRegex(@"(?<![\w])\$?\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesReferencePattern();

    [GeneratedRegex(@"^( *)([A-Za-z_][A-Za-z0-9_]*):")]
    private static partial Regex KeyLinePattern();
}
