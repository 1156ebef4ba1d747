using Microsoft.Extensions.Options;
using PodExport.Cluster.Connection;

namespace PodExport.Cluster.Tests.Connection;

public sealed class KubernetesConnectionFactoryTests : IDisposable
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: one
          cluster: {server: "http://127.0.0.1:1111"}
        - name: two
          cluster: {server: "http://127.0.0.1:2222"}
        contexts:
        - name: ctx-one
          context: {cluster: one, user: u}
        - name: ctx-two
          context: {cluster: two, user: u}
        current-context: ctx-one
        users:
        - name: u
          user: {token: abc}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("podexport-kube-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Create_HostSet_UsesItWithoutLookingElsewhere()
    {
        var connection = Factory(new ClusterConnectionOptions { Host = "http://127.0.0.1:4444", Kubeconfig = "/nonexistent" }).Create();

        Assert.Equal("http://127.0.0.1:4444", connection.Configuration.Host);
    }

    [Fact]
    public void Create_KubeconfigAndContext_UsesThatContext()
    {
        var path = Write("explicit", Kubeconfig);

        var connection = Factory(new ClusterConnectionOptions { Kubeconfig = path, Context = "ctx-two" }).Create();

        Assert.Equal("http://127.0.0.1:2222", connection.Configuration.Host?.TrimEnd('/'));
        Assert.Contains("--kubeconfig", connection.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_KubeconfigMissing_FailsWithoutFallingBack()
    {
        var home = Home(withConfig: true);

        var error = Assert.Throws<ClusterConnectionException>(() => Factory(new ClusterConnectionOptions { Kubeconfig = Path.Combine(_dir, "missing") }, home: home).Create());

        Assert.Contains("--kubeconfig", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownContext_FailsNamingIt()
    {
        var path = Write("explicit", Kubeconfig);

        var error = Assert.Throws<ClusterConnectionException>(() => Factory(new ClusterConnectionOptions { Kubeconfig = path, Context = "nope" }).Create());

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_KubeconfigVariable_WinsOverInClusterAndHome()
    {
        var path = Write("variable", Kubeconfig.Replace("current-context: ctx-one", "current-context: ctx-two", StringComparison.Ordinal));

        var connection = Factory(new ClusterConnectionOptions(), kubeconfigVariable: path, inCluster: true, home: Home(withConfig: true)).Create();

        Assert.Equal("http://127.0.0.1:2222", connection.Configuration.Host?.TrimEnd('/'));
        Assert.Contains("KUBECONFIG", connection.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InCluster_WinsOverHomeConfig()
    {
        var connection = Factory(new ClusterConnectionOptions(), inCluster: true, home: Home(withConfig: true)).Create();

        Assert.Equal("https://10.0.0.1:443", connection.Configuration.Host);
        Assert.Equal("in-cluster service account", connection.Source);
    }

    [Fact]
    public void Create_OnlyHomeConfig_UsesIt()
    {
        var connection = Factory(new ClusterConnectionOptions(), home: Home(withConfig: true)).Create();

        Assert.Equal("http://127.0.0.1:1111", connection.Configuration.Host?.TrimEnd('/'));
    }

    [Fact]
    public void Create_NothingUsable_ListsEverySourceTried()
    {
        var error = Assert.Throws<ClusterConnectionException>(() =>
            Factory(new ClusterConnectionOptions(), kubeconfigVariable: Path.Combine(_dir, "nothing-here"), home: Home(withConfig: false)).Create());

        Assert.Contains("--kubeconfig / Cluster:Kubeconfig: not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("KUBECONFIG (", error.Message, StringComparison.Ordinal);
        Assert.Contains("in-cluster service account: not running in a pod", error.Message, StringComparison.Ordinal);
        Assert.Contains("~/.kube/config (", error.Message, StringComparison.Ordinal);
        Assert.Contains("--simulate", error.Message, StringComparison.Ordinal);
    }

    private KubernetesConnectionFactory Factory(ClusterConnectionOptions options, string? kubeconfigVariable = null, bool inCluster = false, string? home = null) =>
        new(Options.Create(options), new KubernetesEnvironment
        {
            GetVariable = name => name == "KUBECONFIG" ? kubeconfigVariable : null,
            HomeDirectory = home ?? Path.Combine(_dir, "no-home"),
            IsInCluster = () => inCluster,
            InClusterConfig = () => new k8s.KubernetesClientConfiguration { Host = "https://10.0.0.1:443" },
        });

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Home(bool withConfig)
    {
        var home = Path.Combine(_dir, "home");
        Directory.CreateDirectory(Path.Combine(home, ".kube"));
        if (withConfig)
        {
            File.WriteAllText(Path.Combine(home, ".kube", "config"), Kubeconfig);
        }

        return home;
    }
}
