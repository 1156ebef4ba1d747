using System.Text.Json.Nodes;

namespace PodExport.Server.Tests.Deployment;

/// <summary>The stand-in renderer itself: the chart tests are only as good as its reading of the templates.</summary>
public sealed class HelmLiteTests
{
    private const string Helpers = """
        {{- define "t.name" -}}
        {{- default .Chart.Name .Values.nameOverride | trunc 5 }}
        {{- end }}
        {{- define "t.labels" -}}
        name: {{ include "t.name" . }}
        {{- if eq .Values.mode "A" }}
        mode: a
        {{- else if eq .Values.mode "B" }}
        mode: b
        {{- else }}
        mode: other
        {{- end }}
        {{- end }}
        """;

    [Theory]
    [InlineData("A", "a")]
    [InlineData("B", "b")]
    [InlineData("C", "other")]
    public void Render_IfElseIfElse_TakesOneBranch(string mode, string expected)
    {
        var rendered = Renderer($"mode: {mode}").RenderDocuments("labels:\n  {{- include \"t.labels\" . | nindent 2 }}").Single();

        Assert.Equal(expected, rendered["labels"]!["mode"]!.GetValue<string>());
        Assert.Equal("pod-e", rendered["labels"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Render_WithAndToYaml_RebindsDotAndIndents()
    {
        const string Template = """
            spec:
              {{- with .Values.extra }}
              extra:
                {{- toYaml . | nindent 4 }}
              {{- end }}
              count: {{ .Values.count | int64 | quote }}
            """;

        var rendered = Renderer("{extra: {a: [1, 2]}, count: 3}").RenderDocuments(Template).Single();

        Assert.Equal("[1,2]", rendered["spec"]!["extra"]!["a"]!.ToJsonString());
        Assert.Equal("3", rendered["spec"]!["count"]!.GetValue<string>());
        Assert.Null(Renderer("{extra: {}, count: 3}").RenderDocuments(Template).Single()["spec"]!["extra"]);
    }

    [Fact]
    public void Render_UnknownCondition_Throws()
    {
        Assert.Throws<NotSupportedException>(() => Renderer("{}").Render("{{- if lookup \"v1\" \"Secret\" \"ns\" \"x\" }}\na: 1\n{{- end }}"));
    }

    [Fact]
    public void Render_Fail_ThrowsWithTheMessage()
    {
        var failure = Assert.Throws<HelmLiteFailException>(() => Renderer("{}").Render("{{- if not .Values.x }}\n{{- fail \"x is required\" }}\n{{- end }}"));

        Assert.Equal("x is required", failure.Message);
    }

    [Fact]
    public void Strip_DropsActionLinesAndReplacesInlineActions()
    {
        var stripped = HelmLite.Strip("{{- if .Values.a }}\nkey: {{ .Values.b | quote }}\n{{- end }}");

        Assert.Equal("key: TPL", stripped);
    }

    private static HelmLite Renderer(string valuesYaml) =>
        new((JsonObject)YamlTree.Load(valuesYaml)!, new JsonObject { ["name"] = "pod-export", ["version"] = "1.0.0", ["appVersion"] = "1.0" }, Helpers);
}
