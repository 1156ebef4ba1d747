using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PodExport.Server.Tests.Deployment;

/// <summary>
/// OPERATIONS.md §1.4–§1.7 (4): what the templates render for the defaults and the ci/ variants (through
/// <see cref="HelmLite"/>, since helm cannot be installed here).
/// </summary>
public sealed partial class ChartTemplateTests
{
    /// <summary>The settings (service.md S-2) the chart may set, as environment variable names.</summary>
    private static readonly HashSet<string> _knownSettings =
    [
        "Cluster__Id", "Cluster__Name", "Export__MaxExportDurationSeconds", "Export__MaxConcurrentExports",
        "Export__MaxConcurrentExportsPerCaller", "Export__DrainSeconds", "Store__TerminatedInstancesPerContainer",
        "Store__DeletedPodRetentionSeconds", "Store__MaxRetainedDeletedPods", "Auth__Mode", "Auth__StaticTokensFile",
        "Auth__CacheSeconds", "Auth__NegativeCacheSeconds", "Auth__ProtectMetrics", "Tls__CertificateFile", "Tls__KeyFile", "OTEL_EXPORTER_OTLP_ENDPOINT",
    ];

    [Theory]
    [MemberData(nameof(ChartFiles.CiValuesData), MemberType = typeof(ChartFiles))]
    public void Selectors_NeverContainChartOrVersionLabels(string valuesFile)
    {
        var helm = ChartFiles.ForCiValues(valuesFile);
        var selectors = ChartFiles.YamlTemplates
            .SelectMany(t => helm.RenderFile(t))
            .Where(d => d["kind"]?.GetValue<string>() != "Pod")
            .SelectMany(d => Selectors(d))
            .ToList();

        Assert.NotEmpty(selectors);
        foreach (var selector in selectors)
        {
            Assert.False(selector.ContainsKey("helm.sh/chart"), $"helm.sh/chart in a selector: {selector.ToJsonString()}");
            Assert.False(selector.ContainsKey("app.kubernetes.io/version"), $"version in a selector: {selector.ToJsonString()}");
        }
    }

    [Fact]
    public void SelectorLabels_AreNameAndInstanceOnly_AndTheDeploymentSelectsItsPods()
    {
        var deployment = Deployment("default-values.yaml");
        var selector = deployment["spec"]!["selector"]!["matchLabels"]!.AsObject();
        var podLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();

        Assert.Equal(["app.kubernetes.io/instance", "app.kubernetes.io/name"], selector.Select(p => p.Key).Order());
        Assert.All(selector, p => Assert.Equal(p.Value!.GetValue<string>(), podLabels[p.Key]?.GetValue<string>()));
        foreach (var label in new[] { "version", "component", "part-of", "managed-by" })
        {
            Assert.True(podLabels.ContainsKey("app.kubernetes.io/" + label), $"missing app.kubernetes.io/{label}");
        }

        Assert.True(podLabels.ContainsKey("helm.sh/chart"));
    }

    [Theory]
    [MemberData(nameof(ChartFiles.CiValuesData), MemberType = typeof(ChartFiles))]
    public void Containers_AllHaveTheSecurityDefaults(string valuesFile)
    {
        var helm = ChartFiles.ForCiValues(valuesFile);
        var pods = ChartFiles.YamlTemplates
            .SelectMany(t => helm.RenderFile(t))
            .Select(d => d["kind"]?.GetValue<string>() switch
            {
                "Pod" => d["spec"],
                "Deployment" => d["spec"]?["template"]?["spec"],
                _ => null,
            })
            .OfType<JsonObject>()
            .ToList();

        Assert.Equal(2, pods.Count);
        foreach (var pod in pods)
        {
            Assert.Equal(true, pod["securityContext"]?["runAsNonRoot"]?.GetValue<bool>());
            Assert.True(pod["securityContext"]?["runAsUser"]?.GetValue<long>() > 0, "a numeric non-root runAsUser");
            Assert.Equal("RuntimeDefault", pod["securityContext"]?["seccompProfile"]?["type"]?.GetValue<string>());
            foreach (var container in pod["containers"]!.AsArray())
            {
                var context = container!["securityContext"];
                Assert.Equal(true, context?["readOnlyRootFilesystem"]?.GetValue<bool>());
                Assert.Equal(false, context?["allowPrivilegeEscalation"]?.GetValue<bool>());
                Assert.Equal(false, context?["privileged"]?.GetValue<bool>());
                Assert.Contains("ALL", context?["capabilities"]?["drop"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []);
            }
        }
    }

    [Fact]
    public void Deployment_Defaults_SplitProbesReadOnlyRootWithTmpAndPreStopSleep()
    {
        var pod = Deployment("default-values.yaml")["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]!.AsArray().Single()!;

        Assert.Equal("/healthz", container["startupProbe"]?["httpGet"]?["path"]?.GetValue<string>());
        Assert.Equal("/healthz", container["livenessProbe"]?["httpGet"]?["path"]?.GetValue<string>());
        Assert.Equal("/readyz", container["readinessProbe"]?["httpGet"]?["path"]?.GetValue<string>());
        Assert.All(new[] { "startupProbe", "livenessProbe", "readinessProbe" }, p =>
        {
            Assert.Equal("http", container[p]?["httpGet"]?["port"]?.GetValue<string>());
            Assert.Null(container[p]?["enabled"]);
        });
        Assert.Equal(8080, container["ports"]![0]!["containerPort"]!.GetValue<long>());
        Assert.Equal("http", container["ports"]![0]!["name"]!.GetValue<string>());
        Assert.Contains(container["volumeMounts"]!.AsArray(), m => m!["mountPath"]!.GetValue<string>() == "/tmp" && m["name"]!.GetValue<string>() == "tmp");
        Assert.Contains(pod["volumes"]!.AsArray(), v => v!["name"]!.GetValue<string>() == "tmp" && v["emptyDir"] is not null);
        Assert.Equal(5, container["lifecycle"]?["preStop"]?["sleep"]?["seconds"]?.GetValue<long>());
        Assert.Equal(40, pod["terminationGracePeriodSeconds"]?.GetValue<long>());
        Assert.Null(container["resources"]);
        Assert.Null(container["args"]);
        Assert.Equal("podexport:0.1.0", container["image"]?.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(ChartFiles.CiValuesData), MemberType = typeof(ChartFiles))]
    public void Deployment_EnvironmentVariables_AreKnownSettings(string valuesFile)
    {
        var helm = ChartFiles.ForCiValues(valuesFile);
        var values = YamlTree.Load(File.ReadAllText(Path.Combine(RepositoryPaths.Chart, "ci", valuesFile))) as JsonObject;
        var userEnv = values?["env"]?.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToHashSet() ?? [];
        var env = EnvNames(helm.RenderFile("deployment.yaml").Single()).Where(n => !userEnv.Contains(n)).ToList();

        Assert.All(env, name => Assert.True(_knownSettings.Contains(name) || NamespaceSettingPattern().IsMatch(name), $"unknown setting {name}"));
        Assert.Equal(env.Count, env.Distinct().Count());
    }

    [Fact]
    public void Deployment_WatchNamespaces_BecomeIndexedClusterNamespaces()
    {
        var template = ChartFiles.ReadTemplate("deployment.yaml");

        Assert.Contains("range $i, $ns := .Values.watch.namespaces", template, StringComparison.Ordinal);
        Assert.Contains("- name: Cluster__Namespaces__{{ $i }}", template, StringComparison.Ordinal);
        Assert.Equal("team-a", Env(Deployment("namespaced-values.yaml")["spec"]!["template"]!["spec"]!["containers"]![0]!, "Cluster__Namespaces__0"));
        Assert.DoesNotContain(EnvNames(Deployment("default-values.yaml")), n => n.StartsWith("Cluster__Namespaces__", StringComparison.Ordinal));
    }

    [Fact]
    public void Deployment_StaticTokens_MountsTheSecretDirectoryAndPointsTheSettingAtIt()
    {
        var pod = Deployment("auth-static-values.yaml")["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]![0]!;

        Assert.Equal("StaticTokens", Env(container, "Auth__Mode"));
        Assert.Equal("/etc/podexport/auth/tokens.yaml", Env(container, "Auth__StaticTokensFile"));
        Assert.Equal("true", Env(container, "Auth__ProtectMetrics"));
        var mount = container["volumeMounts"]!.AsArray().Single(m => m!["name"]!.GetValue<string>() == "static-tokens")!;
        Assert.Equal("/etc/podexport/auth", mount["mountPath"]!.GetValue<string>());
        Assert.True(mount["readOnly"]!.GetValue<bool>());
        Assert.Null(mount["subPath"]);
        var volume = pod["volumes"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "static-tokens")!;
        Assert.Equal("pod-export-tokens", volume["secret"]?["secretName"]?.GetValue<string>());
    }

    [Fact]
    public void Deployment_Tls_MountsTheSecretAndProbesUseHttps()
    {
        var pod = Deployment("all-features-values.yaml")["spec"]!["template"]!["spec"]!;
        var container = pod["containers"]![0]!;

        Assert.Equal("/etc/podexport/tls/tls.crt", Env(container, "Tls__CertificateFile"));
        Assert.Equal("/etc/podexport/tls/tls.key", Env(container, "Tls__KeyFile"));
        Assert.Contains(container["volumeMounts"]!.AsArray(), m => m!["mountPath"]!.GetValue<string>() == "/etc/podexport/tls");
        Assert.Contains(pod["volumes"]!.AsArray(), v => v!["secret"]?["secretName"]?.GetValue<string>() == "pod-export-tls");
        Assert.All(new[] { "startupProbe", "livenessProbe", "readinessProbe" }, p =>
            Assert.Equal("HTTPS", container[p]?["httpGet"]?["scheme"]?.GetValue<string>()));
        Assert.Equal("http://otel-collector.observability:4317", Env(container, "OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.Null(Env(Deployment("default-values.yaml")["spec"]!["template"]!["spec"]!["containers"]![0]!, "OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void Deployment_TopologySpreadWithoutSelector_GetsTheSelectorLabels()
    {
        var deployment = Deployment("all-features-values.yaml");
        var constraint = deployment["spec"]!["template"]!["spec"]!["topologySpreadConstraints"]!.AsArray().Single()!;

        Assert.Equal("topology.kubernetes.io/zone", constraint["topologyKey"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(deployment["spec"]!["selector"]!["matchLabels"], constraint["labelSelector"]?["matchLabels"]));
    }

    [Theory]
    [InlineData("rbac: {namespaced: true}")]
    [InlineData("auth: {mode: StaticTokens}")]
    [InlineData("tls: {enabled: true}")]
    public void Deployment_InconsistentValues_FailTheRender(string overlayYaml)
    {
        var helm = HelmLite.ForChart((JsonObject)YamlTree.Load(overlayYaml)!);

        Assert.Throws<HelmLiteFailException>(() => helm.RenderFile("deployment.yaml"));
    }

    [Fact]
    public void OptionalResources_AreOffByDefaultAndOnInAllFeatures()
    {
        string[] optional = ["pdb.yaml", "networkpolicy.yaml", "servicemonitor.yaml", "prometheusrule.yaml"];
        var defaults = ChartFiles.ForCiValues("default-values.yaml");
        var all = ChartFiles.ForCiValues("all-features-values.yaml");

        Assert.All(optional, t => Assert.Empty(defaults.RenderFile(t)));
        Assert.All(optional, t => Assert.Single(all.RenderFile(t)));
    }

    [Fact]
    public void ServiceAndServiceMonitor_UseTheNamedHttpPort()
    {
        var service = ChartFiles.ForCiValues("default-values.yaml").RenderFile("service.yaml").Single();
        var monitor = ChartFiles.ForCiValues("all-features-values.yaml").RenderFile("servicemonitor.yaml").Single();

        Assert.Equal("ClusterIP", service["spec"]!["type"]!.GetValue<string>());
        var port = service["spec"]!["ports"]!.AsArray().Single()!;
        Assert.Equal("http", port["name"]!.GetValue<string>());
        Assert.Equal(8080, port["port"]!.GetValue<long>());
        Assert.Equal("http", port["targetPort"]!.GetValue<string>());
        var endpoint = monitor["spec"]!["endpoints"]!.AsArray().Single()!;
        Assert.Equal("http", endpoint["port"]!.GetValue<string>());
        Assert.Equal("/metrics", endpoint["path"]!.GetValue<string>());
        Assert.Equal("https", endpoint["scheme"]!.GetValue<string>());
    }

    [Fact]
    public void NetworkPolicy_AllowsTheHttpPortInAndTheApiServerOut()
    {
        var policy = ChartFiles.ForCiValues("all-features-values.yaml").RenderFile("networkpolicy.yaml").Single();

        Assert.Equal(["Ingress", "Egress"], policy["spec"]!["policyTypes"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("http", policy["spec"]!["ingress"]![0]!["ports"]![0]!["port"]!.GetValue<string>());
        Assert.Contains(policy["spec"]!["egress"]!.AsArray(), rule => rule!["to"]?[0]?["ipBlock"]?["cidr"]?.GetValue<string>() == "10.0.0.1/32");
    }

    [Fact]
    public void Notes_PrintThePortForwardAndCurlRecipe()
    {
        var raw = ChartFiles.ReadTemplate("NOTES.txt");
        var rendered = ChartFiles.ForCiValues("default-values.yaml").Render(raw);

        Assert.Contains("port-forward service/", raw, StringComparison.Ordinal);
        Assert.Contains("curl", raw, StringComparison.Ordinal);
        Assert.Contains("kubectl --namespace pod-export port-forward service/pod-export 8080", rendered, StringComparison.Ordinal);
        Assert.Contains("curl -sN -H \"Authorization: Bearer $(kubectl --namespace pod-export create token", rendered, StringComparison.Ordinal);
        Assert.Contains("http://localhost:8080/v1/export/pods?query=Namespace:default", rendered, StringComparison.Ordinal);
        Assert.Contains("%2B", rendered, StringComparison.Ordinal);
        Assert.Contains("/readyz", rendered, StringComparison.Ordinal);
        Assert.Contains("/metrics", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain(HelmLite.Placeholder, rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_WithTlsAndWithoutAuth_AdaptTheRecipe()
    {
        var raw = ChartFiles.ReadTemplate("NOTES.txt");
        var tls = ChartFiles.ForCiValues("all-features-values.yaml").Render(raw);
        var none = HelmLite.ForChart((JsonObject)YamlTree.Load("auth: {mode: None}")!).Render(raw);

        Assert.Contains("curl -skN", tls, StringComparison.Ordinal);
        Assert.Contains("https://localhost:8080/readyz", tls, StringComparison.Ordinal);
        Assert.Contains("WARNING", none, StringComparison.Ordinal);
        Assert.DoesNotContain("Authorization", none, StringComparison.Ordinal);
    }

    [Fact]
    public void HelmTest_CallsReadyzAndTheExportAsANonRootHookPod()
    {
        var documents = ChartFiles.ForCiValues("default-values.yaml").RenderFile("tests/test-connection.yaml");
        var pod = documents.Single(d => d["kind"]!.GetValue<string>() == "Pod");
        var script = string.Join('\n', pod["spec"]!["containers"]![0]!["command"]!.AsArray().Select(n => n!.GetValue<string>()));
        var env = pod["spec"]!["containers"]![0]!["env"]!.AsArray().ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());
        var deploymentSelector = Deployment("default-values.yaml")["spec"]!["selector"]!["matchLabels"]!.AsObject();

        Assert.Equal("test", pod["metadata"]!["annotations"]!["helm.sh/hook"]!.GetValue<string>());
        Assert.Equal("Never", pod["spec"]!["restartPolicy"]!.GetValue<string>());
        Assert.Equal("http://pod-export:8080", env["BASE_URL"]);
        Assert.Equal("-q -T 10 -O-", env["WGET_FLAGS"]);
        Assert.Contains("\"$BASE_URL/readyz\"", script, StringComparison.Ordinal);
        Assert.Contains("\"$BASE_URL/v1/export/pods\"", script, StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer", script, StringComparison.Ordinal);
        Assert.Equal("busybox:1.36", pod["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.False(deploymentSelector.All(p => pod["metadata"]!["labels"]![p.Key]?.GetValue<string>() == p.Value!.GetValue<string>()),
            "the Service must not select the test pod");
        Assert.Equal("pod-export-test", pod["spec"]!["serviceAccountName"]!.GetValue<string>());
        Assert.Equal(["Pod", "Role", "RoleBinding", "ServiceAccount"], documents.Select(d => d["kind"]!.GetValue<string>()).Order());
    }

    [Fact]
    public void HelmTest_WithStaticTokens_HasNoServiceAccountToken()
    {
        var documents = ChartFiles.ForCiValues("auth-static-values.yaml").RenderFile("tests/test-connection.yaml");

        var pod = Assert.Single(documents);
        Assert.False(pod["spec"]!["automountServiceAccountToken"]!.GetValue<bool>());
        Assert.Null(pod["spec"]!["serviceAccountName"]);
    }

    private static JsonObject Deployment(string valuesFile) =>
        ChartFiles.ForCiValues(valuesFile).RenderFile("deployment.yaml").Single();

    private static List<string> EnvNames(JsonObject deployment) =>
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .Select(e => e!["name"]!.GetValue<string>())
            .ToList();

    private static string? Env(JsonNode container, string name) =>
        container["env"]!.AsArray().SingleOrDefault(e => e!["name"]!.GetValue<string>() == name)?["value"]?.GetValue<string>();

    /// <summary>Label selectors anywhere in an object: matchLabels maps and a Service's spec.selector.</summary>
    private static IEnumerable<JsonObject> Selectors(JsonNode? node, string? key = null)
    {
        switch (node)
        {
            case JsonObject obj:
                if (key == "matchLabels" || (key == "selector" && obj.All(p => p.Value is JsonValue)))
                {
                    yield return obj;
                }

                foreach (var (childKey, child) in obj)
                {
                    foreach (var selector in Selectors(child, childKey))
                    {
                        yield return selector;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var selector in Selectors(item))
                    {
                        yield return selector;
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"^(Cluster__Namespaces|Auth__Audiences)__\d+$")]
    private static partial Regex NamespaceSettingPattern();
}
