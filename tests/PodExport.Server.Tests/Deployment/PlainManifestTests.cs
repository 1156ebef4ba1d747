using System.Text.Json.Nodes;
using k8s.Models;

namespace PodExport.Server.Tests.Deployment;

/// <summary>OPERATIONS.md §1.7 (5): deploy/manifests/ equals the chart's defaults (release and namespace pod-export).</summary>
public sealed class PlainManifestTests
{
    private static readonly JsonObject _values = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Chart, "values.yaml"));
    private static readonly JsonObject _chart = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Chart, "Chart.yaml"));

    [Fact]
    public void Manifests_LoadIntoTypedModels_InApplyOrder()
    {
        var objects = PlainManifests.Load();

        Assert.Equal(
            ["V1Namespace", "V1ServiceAccount", "V1ClusterRole", "V1ClusterRoleBinding", "V1Service", "V1Deployment"],
            objects.Select(o => o.GetType().Name));
    }

    [Fact]
    public void Deployment_ImageAndPorts_MatchValuesDefaults()
    {
        var container = Container();
        var service = PlainManifests.Load().OfType<V1Service>().Single();

        Assert.Equal($"{Value("image.repository")}:{_chart["appVersion"]!.GetValue<string>()}", container.Image);
        Assert.Equal(Value("image.pullPolicy"), container.ImagePullPolicy);
        var port = Assert.Single(container.Ports);
        Assert.Equal(("http", 8080), (port.Name, port.ContainerPort));
        var servicePort = Assert.Single(service.Spec.Ports);
        Assert.Equal(("http", (int)Number("service.port"), "http"), (servicePort.Name, servicePort.Port, servicePort.TargetPort.Value));
        Assert.Equal(Value("service.type"), service.Spec.Type);
    }

    [Theory]
    [InlineData("startupProbe")]
    [InlineData("livenessProbe")]
    [InlineData("readinessProbe")]
    public void Deployment_Probes_MatchValuesDefaults(string probeKey)
    {
        var probe = probeKey switch
        {
            "startupProbe" => Container().StartupProbe,
            "livenessProbe" => Container().LivenessProbe,
            _ => Container().ReadinessProbe,
        };

        Assert.Equal(Value($"{probeKey}.httpGet.path"), probe.HttpGet.Path);
        Assert.Equal(Value($"{probeKey}.httpGet.port"), probe.HttpGet.Port.Value);
        Assert.Equal(Optional($"{probeKey}.periodSeconds"), probe.PeriodSeconds);
        Assert.Equal(Optional($"{probeKey}.timeoutSeconds"), probe.TimeoutSeconds);
        Assert.Equal(Optional($"{probeKey}.failureThreshold"), probe.FailureThreshold);
    }

    [Fact]
    public void Deployment_SecurityContexts_MatchValuesDefaults()
    {
        var pod = PodSpec();
        var container = Container();

        Assert.Equal(Flag("podSecurityContext.runAsNonRoot"), pod.SecurityContext.RunAsNonRoot);
        Assert.Equal(Number("podSecurityContext.runAsUser"), pod.SecurityContext.RunAsUser);
        Assert.Equal(Number("podSecurityContext.runAsGroup"), pod.SecurityContext.RunAsGroup);
        Assert.Equal(Number("podSecurityContext.fsGroup"), pod.SecurityContext.FsGroup);
        Assert.Equal(Value("podSecurityContext.seccompProfile.type"), pod.SecurityContext.SeccompProfile.Type);
        Assert.Equal(Flag("securityContext.readOnlyRootFilesystem"), container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.Equal(Flag("securityContext.allowPrivilegeEscalation"), container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(Flag("securityContext.privileged"), container.SecurityContext.Privileged);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
        Assert.Equal(Value("tmpVolume.emptyDir.sizeLimit"), pod.Volumes.Single(v => v.Name == "tmp").EmptyDir.SizeLimit.ToString());
        Assert.Equal("/tmp", container.VolumeMounts.Single(m => m.Name == "tmp").MountPath);
        Assert.Equal(Number("terminationGracePeriodSeconds"), pod.TerminationGracePeriodSeconds);
        Assert.Equal(Number("preStopSleepSeconds"), container.Lifecycle.PreStop.Sleep.Seconds);
    }

    [Fact]
    public void Deployment_Selector_UsesNameAndInstanceOnly()
    {
        var deployment = PlainManifests.Load().OfType<V1Deployment>().Single();
        var service = PlainManifests.Load().OfType<V1Service>().Single();

        Assert.Equal(["app.kubernetes.io/instance", "app.kubernetes.io/name"], deployment.Spec.Selector.MatchLabels.Keys.Order());
        Assert.Equal(deployment.Spec.Selector.MatchLabels, service.Spec.Selector);
        Assert.All(deployment.Spec.Selector.MatchLabels, l => Assert.Equal(l.Value, deployment.Spec.Template.Metadata.Labels[l.Key]));
    }

    public static TheoryData<string, string> ChartCounterparts() => new()
    {
        { "10-serviceaccount.yaml", "serviceaccount.yaml" },
        { "20-clusterrole.yaml", "clusterrole.yaml" },
        { "21-clusterrolebinding.yaml", "clusterrolebinding.yaml" },
        { "30-service.yaml", "service.yaml" },
        { "40-deployment.yaml", "deployment.yaml" },
    };

    [Theory]
    [MemberData(nameof(ChartCounterparts))]
    public void Manifest_EqualsTheChartRenderedWithDefaults_ApartFromHelmLabels(string manifest, string template)
    {
        var expected = WithoutHelmLabels(HelmLite.ForChart().RenderFile(template).Single());
        var actual = WithoutHelmLabels((JsonObject)YamlTree.Load(File.ReadAllText(Path.Combine(PlainManifests.Directory, manifest)))!);

        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{manifest} differs from {template} with the default values.\nchart:    {expected.ToJsonString()}\nmanifest: {actual.ToJsonString()}");
    }

    private static V1PodSpec PodSpec() => PlainManifests.Load().OfType<V1Deployment>().Single().Spec.Template.Spec;

    private static V1Container Container() => Assert.Single(PodSpec().Containers);

    private static string Value(string path) => YamlTree.Select(_values, path)!.GetValue<string>();

    private static long Number(string path) => YamlTree.Select(_values, path)!.GetValue<long>();

    private static int? Optional(string path) => (int?)YamlTree.Select(_values, path)?.GetValue<long>();

    private static bool Flag(string path) => YamlTree.Select(_values, path)!.GetValue<bool>();

    /// <summary>Drops the labels only Helm sets (helm.sh/chart, managed-by: Helm vs kubectl) everywhere.</summary>
    private static JsonObject WithoutHelmLabels(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        Strip(copy);
        return copy;

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                if (obj["labels"] is JsonObject labels)
                {
                    labels.Remove("helm.sh/chart");
                    labels.Remove("app.kubernetes.io/managed-by");
                }

                foreach (var (_, child) in obj)
                {
                    Strip(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Strip(item);
                }
            }
        }
    }
}
