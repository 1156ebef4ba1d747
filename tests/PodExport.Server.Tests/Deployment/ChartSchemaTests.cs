using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PodExport.Server.Tests.Deployment;

/// <summary>OPERATIONS.md §1.7 (3): values.schema.json accepts the defaults and the ci/ variants and rejects bad values.</summary>
public sealed class ChartSchemaTests
{
    private static readonly string _schemaText = File.ReadAllText(Path.Combine(RepositoryPaths.Chart, "values.schema.json"));
    private static readonly JsonSchema _schema = JsonSchema.FromText(_schemaText);
    private static readonly JsonObject _defaults = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Chart, "values.yaml"));

    [Fact]
    public void Schema_IsDraft07()
    {
        Assert.Equal("http://json-schema.org/draft-07/schema#", JsonNode.Parse(_schemaText)?["$schema"]?.GetValue<string>());
    }

    [Fact]
    public void Schema_ValuesYaml_IsValid()
    {
        AssertValid(_defaults);
    }

    [Theory]
    [MemberData(nameof(ChartFiles.CiValuesData), MemberType = typeof(ChartFiles))]
    public void Schema_CiValuesMergedOverDefaults_AreValid(string fileName)
    {
        var overlay = YamlTree.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Chart, "ci", fileName))) as JsonObject;

        AssertValid(YamlTree.Merge(_defaults, overlay));
    }

    [Theory]
    [InlineData("replicaCount: \"2\"")]
    [InlineData("replicaCount: -1")]
    [InlineData("auth: {mode: Oidc}")]
    [InlineData("auth: {mode: StaticTokens}")]
    [InlineData("tls: {enabled: true}")]
    [InlineData("rbac: {namespaced: true}")]
    [InlineData("image: {pullPolicy: Sometimes}")]
    [InlineData("image: {digest: latest}")]
    [InlineData("service: {port: 70000}")]
    [InlineData("export: {maxConcurrentExports: 0}")]
    [InlineData("metrics: {serviceMonitor: {interval: often}}")]
    [InlineData("watch: {namespaces: [Not_A_Namespace]}")]
    [InlineData("otel: {endpoint: otel-collector:4317}")]
    [InlineData("replicas: 2")]
    [InlineData("auth: {tokenFile: /tokens}")]
    [InlineData("readinessProbe: {httpGet: {path: readyz, port: http}}")]
    public void Schema_KnownBadValues_AreRejected(string overlayYaml)
    {
        var values = YamlTree.Merge(_defaults, (JsonObject)YamlTree.Load(overlayYaml)!);

        Assert.False(Evaluate(values).IsValid, $"the schema accepted {overlayYaml}");
    }

    [Fact]
    public void Schema_OwnObjects_ForbidAdditionalProperties()
    {
        var loose = new List<string>();
        Walk(JsonNode.Parse(_schemaText)!, "#", loose);

        Assert.True(loose.Count == 0, "objects with properties but without additionalProperties: false:\n" + string.Join('\n', loose));
    }

    [Fact]
    public void Schema_EveryValuesKey_IsDescribed()
    {
        var schema = JsonNode.Parse(_schemaText)!;
        var undescribed = _defaults.Select(p => p.Key)
            .Where(key => schema["properties"]?[key]?["description"] is null)
            .ToList();

        Assert.Empty(undescribed);
    }

    private static void Walk(JsonNode node, string path, List<string> loose)
    {
        if (node is JsonObject obj)
        {
            if (obj["properties"] is JsonObject && obj["additionalProperties"]?.GetValueKind() != JsonValueKind.False
                && obj["type"]?.GetValue<string>() == "object")
            {
                loose.Add(path);
            }

            foreach (var (key, child) in obj)
            {
                if (child is not null)
                {
                    Walk(child, $"{path}/{key}", loose);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } child)
                {
                    Walk(child, $"{path}/{i}", loose);
                }
            }
        }
    }

    private static EvaluationResults Evaluate(JsonNode values) =>
        _schema.Evaluate(JsonSerializer.SerializeToElement(values), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static void AssertValid(JsonNode values)
    {
        var results = Evaluate(values);
        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));

        Assert.True(results.IsValid, "schema errors:\n" + string.Join('\n', errors));
    }
}
