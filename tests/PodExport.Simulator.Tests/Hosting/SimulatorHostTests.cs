using System.Net;
using k8s;
using k8s.Models;
using PodExport.Simulator.Hosting;

namespace PodExport.Simulator.Tests.Hosting;

public class SimulatorHostTests
{
    [Fact]
    public async Task StopAndRestart_SamePort_KeepsStateAndHistory()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 2);
        var rv = host.Store.CurrentRV;
        var port = host.Port;
        var client = TestCluster.Client(host);
        var watch = Task.Run(async () =>
        {
            await foreach (var _ in client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: rv.ToString(), cancellationToken: TestCluster.Timeout()))
            {
            }
        });
        await host.WaitForWatcher("Pod", rv);

        await host.StopListenerAsync();
        Assert.False(host.IsListening);
        await Assert.ThrowsAnyAsync<Exception>(() => watch.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<HttpRequestException>(() => client.CoreV1.ListPodForAllNamespacesAsync());
        host.Store.Create(TestCluster.Pod("ns1", "while-down"));
        await host.RestartAsync();

        Assert.Equal(port, host.Port);
        var seen = new List<string>();
        await foreach (var (_, pod) in client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: rv.ToString(), cancellationToken: TestCluster.Timeout()))
        {
            seen.Add(pod.Metadata.Name);
            break;
        }

        Assert.Equal(["while-down"], seen);
        Assert.Equal(3, (await client.CoreV1.ListPodForAllNamespacesAsync()).Items.Count);
    }

    [Fact]
    public async Task Discovery_VersionAndGroups()
    {
        await using var host = await TestCluster.StartAsync();
        var client = TestCluster.Client(host);

        var version = await client.Version.GetCodeAsync();
        var groups = await client.Apis.GetAPIVersionsAsync();
        var core = await client.CoreV1.GetAPIResourcesAsync();

        Assert.Equal(("1", "32", "v1.32.4"), (version.Major, version.Minor, version.GitVersion));
        Assert.Equal(["apps", "batch", "authentication.k8s.io", "authorization.k8s.io"], groups.Groups.Select(g => g.Name));
        var pods = core.Resources.Single(r => r.Name == "pods");
        Assert.Equal(["po"], pods.ShortNames);
        Assert.Contains("watch", pods.Verbs);
    }

    [Theory]
    [InlineData("GET", "/api/v1/widgets", 404, "NotFound")]
    [InlineData("GET", "/nope", 404, "NotFound")]
    [InlineData("GET", "/api/v1/pods/x", 404, "NotFound")]
    [InlineData("GET", "/api/v1/namespaces/default/pods/x", 404, "NotFound")]
    [InlineData("PUT", "/api/v1/pods", 405, "MethodNotAllowed")]
    [InlineData("POST", "/version", 405, "MethodNotAllowed")]
    [InlineData("GET", "/apis/authentication.k8s.io/v1/tokenreviews", 405, "MethodNotAllowed")]
    public async Task UnknownPathOrVerb_Status(string method, string path, int code, string reason)
    {
        await using var host = await TestCluster.StartAsync();
        using var http = TestCluster.Http(host);

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Contains($"\"reason\":\"{reason}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequestLog_RecordsPathQueryVerbAndEnding()
    {
        await using var host = await TestCluster.StartAsync();
        var client = TestCluster.Client(host);

        await client.CoreV1.ListPodForAllNamespacesAsync(limit: 500, resourceVersion: "0");

        var record = await host.WaitForRequest(r => r.Verb == "list" && r.EndedAt is not null);
        Assert.Equal("/api/v1/pods", record.Path);
        Assert.Equal("?limit=500&resourceVersion=0&watch=false", record.Query);
        Assert.Equal("0", record.QueryValue("resourceVersion"));
        Assert.Equal("Pod", record.Kind);
        Assert.Equal(200, record.StatusCode);
        Assert.Equal(PodExport.Simulator.Api.RequestEnding.Completed, record.Ending);
    }

    [Fact]
    public async Task WaitForRequest_NothingMatches_TimesOut()
    {
        await using var host = await TestCluster.StartAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => host.WaitForRequest(r => r.Verb == "watch", TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Create_Patch_Delete_ThroughClient()
    {
        await using var host = await TestCluster.StartAsync();
        var client = TestCluster.Client(host);

        var created = await client.CoreV1.CreateNamespacedPodAsync(TestCluster.Pod("default", "a"), "default");
        var conflict = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(TestCluster.Pod("default", "a"), "default"));
        var missingNs = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => client.CoreV1.CreateNamespacedPodAsync(TestCluster.Pod("ghost", "a"), "ghost"));
        var patched = await client.CoreV1.PatchNamespacedPodAsync(new V1Patch("""{"metadata":{"labels":{"tier":"fe"}}}""", V1Patch.PatchType.MergePatch), "a", "default");
        await client.CoreV1.DeleteNamespacedPodAsync("a", "default");

        Assert.Equal(host.Store.ClusterUid.Length, created.Metadata.Uid.Length);
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingNs.Response.StatusCode);
        Assert.Equal("fe", patched.Metadata.Labels["tier"]);
        Assert.Equal("a", patched.Metadata.Labels["app"]);
        Assert.Null(host.Store.Get("Pod", "default", "a"));
        var types = host.Store.History().Where(c => c.Kind == "Pod").Select(c => c.Type);
        Assert.Equal([PodExport.Simulator.State.ChangeType.Added, PodExport.Simulator.State.ChangeType.Modified, PodExport.Simulator.State.ChangeType.Modified, PodExport.Simulator.State.ChangeType.Deleted], types);
    }

    [Fact]
    public void ProgramParse_CommandLine_BuildsOptions()
    {
        var (options, kubeconfig) = SimulatorProgram.Parse(["--port", "6443", "--seed", "7", "--pods", "500", "--churn", "10",
            "--write-kubeconfig", "/tmp/kc", "--fixture", "a.yaml", "--fixture", "b.json", "--auth-config", "auth.yaml", "--fault", "watch-expired:after=3"]);

        Assert.Equal((6443, 7, 500, 10.0), (options.Port, options.Seed, options.Pods, options.Churn));
        Assert.Equal("/tmp/kc", kubeconfig);
        Assert.Equal(["a.yaml", "b.json"], options.Fixtures);
        Assert.Equal("auth.yaml", options.AuthConfigPath);
        Assert.Equal(3, Assert.Single(options.Faults).AfterEvents);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_Throws()
    {
        await Assert.ThrowsAsync<System.ComponentModel.DataAnnotations.ValidationException>(() =>
            SimulatorHost.StartAsync(new SimulatorOptions { Port = 70000 }));
    }

    [Fact]
    public async Task SimHelpers_StateCompactAndFaultsOverHttp()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 3);
        using var http = TestCluster.Http(host);

        using var state = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/_sim/state"));
        using var compact = await http.PostAsync("/_sim/compact", null);
        using var fault = await http.PostAsync("/_sim/faults", new StringContent("http-status:status=503,verb=list"));
        using var listed = await http.GetAsync("/api/v1/pods");

        Assert.Equal(host.Store.CurrentRV, state.RootElement.GetProperty("resourceVersion").GetInt64());
        Assert.Equal(3, state.RootElement.GetProperty("counts").GetProperty("Pod").GetInt32());
        Assert.Equal(HttpStatusCode.OK, compact.StatusCode);
        Assert.Equal(host.Store.CurrentRV, host.Store.Floor);
        Assert.Equal(HttpStatusCode.OK, fault.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, listed.StatusCode);
    }
}
