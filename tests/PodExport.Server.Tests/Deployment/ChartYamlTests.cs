namespace PodExport.Server.Tests.Deployment;

/// <summary>OPERATIONS.md §1.7 (1): every YAML file of the chart and of deploy/ parses.</summary>
public sealed class ChartYamlTests
{
    public static TheoryData<string> PlainYamlFiles() =>
    [
        .. Directory.GetFiles(RepositoryPaths.Chart, "*.yaml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}templates{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(RepositoryPaths.Deploy, "*.yaml", SearchOption.AllDirectories))
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(PlainYamlFiles))]
    public void PlainYaml_Parses(string relativePath)
    {
        var documents = YamlTree.LoadAll(File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)));

        Assert.NotEmpty(documents);
    }

    [Theory]
    [MemberData(nameof(ChartFiles.TemplateData), MemberType = typeof(ChartFiles))]
    public void Template_StaticPartsParse(string template)
    {
        var stripped = HelmLite.Strip(ChartFiles.ReadTemplate(template));

        var documents = YamlTree.LoadAll(stripped).OfType<System.Text.Json.Nodes.JsonObject>().ToList();

        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.NotNull(d["apiVersion"]));
        Assert.All(documents, d => Assert.NotNull(d["kind"]));
    }

    [Theory]
    [MemberData(nameof(CiTemplateCases))]
    public void Template_RendersToKubernetesObjects(string template, string valuesFile)
    {
        var documents = ChartFiles.ForCiValues(valuesFile).RenderFile(template);

        Assert.All(documents, d => Assert.NotNull(d["apiVersion"]));
        Assert.All(documents, d => Assert.NotNull(d["kind"]));
        Assert.All(documents, d => Assert.NotNull(d["metadata"]?["name"]));
        Assert.DoesNotContain(HelmLite.Placeholder, ChartFiles.ForCiValues(valuesFile).Render(ChartFiles.ReadTemplate(template)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> CiTemplateCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var values in ChartFiles.CiValues)
        {
            foreach (var template in ChartFiles.YamlTemplates)
            {
                data.Add(template, values);
            }
        }

        return data;
    }

    [Fact]
    public void ChartYaml_DeclaresApplicationV2WithSemVerAndKubeVersion()
    {
        var chart = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Chart, "Chart.yaml"));

        Assert.Equal("v2", chart["apiVersion"]?.GetValue<string>());
        Assert.Equal("application", chart["type"]?.GetValue<string>());
        Assert.Equal("pod-export", chart["name"]?.GetValue<string>());
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", chart["version"]?.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(chart["appVersion"]?.GetValue<string>()));
        Assert.Equal(">=1.30.0-0", chart["kubeVersion"]?.GetValue<string>());
        Assert.NotEmpty(chart["maintainers"]!.AsArray());
    }

    [Fact]
    public void Chart_HasTheConventionalFiles()
    {
        string[] expected =
        [
            "Chart.yaml", "values.yaml", "values.schema.json", ".helmignore", "README.md",
            "ci/default-values.yaml", "ci/namespaced-values.yaml", "ci/auth-static-values.yaml", "ci/all-features-values.yaml",
            "templates/_helpers.tpl", "templates/NOTES.txt", "templates/deployment.yaml", "templates/service.yaml",
            "templates/serviceaccount.yaml", "templates/clusterrole.yaml", "templates/clusterrolebinding.yaml",
            "templates/role.yaml", "templates/rolebinding.yaml", "templates/pdb.yaml", "templates/networkpolicy.yaml",
            "templates/servicemonitor.yaml", "templates/prometheusrule.yaml", "templates/tests/test-connection.yaml",
        ];

        Assert.All(expected, f => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Chart, f)), $"missing {f}"));
    }
}
