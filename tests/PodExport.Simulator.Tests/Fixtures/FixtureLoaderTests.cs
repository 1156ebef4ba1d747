using k8s.Models;
using PodExport.Simulator.Fixtures;
using PodExport.Simulator.Tests.Scenario;

namespace PodExport.Simulator.Tests.Fixtures;

public sealed class FixtureLoaderTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("podexport-fixtures-").FullName;
    private readonly RecordingClusterWriter _writer = new();

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Asset(string name) => Path.Combine(AppContext.BaseDirectory, "testassets", "fixtures", name);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Load_MultiDocumentYaml_CreatesEveryKindInFileOrder()
    {
        var count = FixtureLoader.Load(_writer, Asset("cluster.yaml"));

        Assert.Equal(10, count);
        Assert.Equal(
            ["Namespace", "Node", "Deployment", "ReplicaSet", "Pod", "StatefulSet", "DaemonSet", "CronJob", "Job", "ReplicationController"],
            _writer.Events.Select(e => e.Kind));
        Assert.All(_writer.Events, e => Assert.Equal("ADDED", e.Type));
        Assert.All(_writer.Events, e => Assert.False(string.IsNullOrEmpty(e.Object.ApiVersion)));

        var pod = Assert.IsType<V1Pod>(_writer.Get("Pod", "shop", "web-7d9c6b5f4-x2k8p"));
        Assert.Equal("0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01", pod.Metadata.Uid);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), pod.Metadata.CreationTimestamp?.ToUniversalTime());
        Assert.Equal(["10.128.2.15", "fd00:10:128:2::15"], pod.Status.PodIPs.Select(ip => ip.Ip));
        var app = pod.Status.ContainerStatuses[0];
        Assert.Equal(137, app.LastState.Terminated.ExitCode);
        Assert.Equal("OOMKilled", app.LastState.Terminated.Reason);
        Assert.StartsWith("containerd://80d6", app.ContainerID, StringComparison.Ordinal);
        Assert.Equal("ReplicaSet", pod.Metadata.OwnerReferences.Single().Kind);

        Assert.Equal(3, Assert.IsType<V1StatefulSet>(_writer.Get("StatefulSet", "shop", "db")).Spec.Replicas);
        Assert.Equal("apps/v1", _writer.Get("DaemonSet", "shop", "node-exporter")!.ApiVersion);
        Assert.Equal("batch/v1", _writer.Get("CronJob", "shop", "backup")!.ApiVersion);

        // kubectl's defaulting: a namespaced object without namespace goes to default.
        Assert.NotNull(_writer.Get("ReplicationController", "default", "legacy"));
        Assert.Null(_writer.Get("Node", null, "worker-1")!.Metadata.NamespaceProperty);
    }

    [Fact]
    public void Load_ListJson_CreatesItems()
    {
        var count = FixtureLoader.Load(_writer, Asset("cluster.json"));

        Assert.Equal(5, count);
        Assert.Equal(["Namespace", "Node", "Pod", "Deployment", "Job"], _writer.Events.Select(e => e.Kind));
        Assert.Equal("6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60", _writer.Get("Namespace", null, "kube-system")!.Metadata.Uid);
        var pod = Assert.IsType<V1Pod>(_writer.Get("Pod", "kube-system", "kube-apiserver-cp-1"));
        Assert.Equal("kube-apiserver", pod.Metadata.Labels["component"]);
        Assert.True(pod.Spec.HostNetwork);
        Assert.StartsWith("cri-o://", pod.Status.ContainerStatuses[0].ContainerID, StringComparison.Ordinal);
        Assert.Equal(2, Assert.IsType<V1Deployment>(_writer.Get("Deployment", "kube-system", "coredns")).Spec.Replicas);
    }

    [Fact]
    public void Load_TypedListWithoutItemKinds_TakesKindFromTheList()
    {
        Assert.Equal(2, FixtureLoader.Load(_writer, Asset("pods.json")));
        Assert.All(_writer.Objects, o =>
        {
            Assert.Equal("Pod", o.Kind);
            Assert.Equal("v1", o.ApiVersion);
        });
    }

    [Fact]
    public void Load_JsonContentInYamlFile_IsDetectedAsJson()
    {
        var path = Write("pod.yaml", """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""");
        Assert.Equal(1, FixtureLoader.Load(_writer, path));
        Assert.NotNull(_writer.Get("Pod", "default", "p"));
    }

    [Fact]
    public void Load_UnknownKind_NamesFileDocumentAndKindAndCreatesNothing()
    {
        var path = Write("service.yaml", """
            apiVersion: v1
            kind: Namespace
            metadata: {name: a}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            """);

        var e = Assert.Throws<FixtureException>(() => FixtureLoader.Load(_writer, path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("document 2 (line 5)", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Service'", e.Message, StringComparison.Ordinal);
        Assert.Contains("Deployment", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.FilePath);
        Assert.Empty(_writer.Events);
    }

    [Fact]
    public void Load_UnknownKindInJsonList_NamesTheItem()
    {
        var path = Write("list.json", """{"kind":"List","apiVersion":"v1","items":[{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a"}},{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}]}""");

        var e = Assert.Throws<FixtureException>(() => FixtureLoader.Load(_writer, path));

        Assert.Contains("item 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'ConfigMap'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: [unclosed\n", "invalid YAML")]
    [InlineData("bad.json", "{\"kind\": \"List\", \"items\": [", "invalid JSON")]
    [InlineData("old.yaml", "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\n", "apiVersion 'extensions/v1beta1'")]
    [InlineData("nokind.yaml", "apiVersion: v1\nmetadata: {name: x}\n", "no 'kind'")]
    [InlineData("noversion.yaml", "kind: Pod\nmetadata: {name: x}\n", "no 'apiVersion'")]
    [InlineData("noname.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {namespace: x}\n", "no metadata.name")]
    [InlineData("type.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: many}\n", "the Deployment cannot be read")]
    [InlineData("scalar.yaml", "just a string\n", "expected a mapping")]
    [InlineData("noitems.json", "{\"kind\": \"PodList\", \"apiVersion\": \"v1\"}", "no 'items'")]
    public void Load_BadInput_ThrowsFixtureExceptionNamingTheProblem(string name, string content, string expected)
    {
        var path = Write(name, content);

        var e = Assert.Throws<FixtureException>(() => FixtureLoader.Load(_writer, path));

        Assert.StartsWith($"Fixture '{path}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Empty(_writer.Events);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFixtureException()
    {
        var path = Path.Combine(_temp, "missing.yaml");
        var e = Assert.Throws<FixtureException>(() => FixtureLoader.Load(_writer, path));
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WriterRejectsObject_NamesTheObject()
    {
        var path = Write("dup.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n");

        var e = Assert.Throws<FixtureException>(() => FixtureLoader.Load(_writer, path));

        Assert.Contains("document 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("Namespace /a was rejected", e.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(e.InnerException);
    }

    [Fact]
    public void Load_EmptyFile_CreatesNothing()
    {
        Assert.Equal(0, FixtureLoader.Load(_writer, Write("empty.yaml", "# nothing here\n")));
    }
}
