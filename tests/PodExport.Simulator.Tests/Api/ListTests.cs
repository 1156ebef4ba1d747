using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;

namespace PodExport.Simulator.Tests.Api;

public class ListTests
{
    [Fact]
    public async Task PagedList_WritesBetweenPages_EveryPageRepeatsFirstRvAndSnapshot()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 25);
        var client = TestCluster.Client(host);

        var first = await client.CoreV1.ListPodForAllNamespacesAsync(limit: 10, resourceVersion: "0");
        var snapshotRv = first.Metadata.ResourceVersion;
        Assert.Equal(10, first.Items.Count);
        Assert.Equal(15, first.Metadata.RemainingItemCount);

        // Changes after page 1 must not show on later pages: they come from the snapshot at page 1's RV.
        host.Store.Delete("Pod", "ns1", "p20", graceful: false);
        host.Store.Create(TestCluster.Pod("ns1", "p99"));

        var names = first.Items.Select(p => p.Metadata.Name).ToList();
        var token = first.Metadata.ContinueProperty;
        while (!string.IsNullOrEmpty(token))
        {
            var page = await client.CoreV1.ListPodForAllNamespacesAsync(limit: 10, continueParameter: token);
            Assert.Equal(snapshotRv, page.Metadata.ResourceVersion);
            names.AddRange(page.Items.Select(p => p.Metadata.Name));
            token = page.Metadata.ContinueProperty;
            Assert.Equal(string.IsNullOrEmpty(token), page.Metadata.RemainingItemCount is null);
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"p{i:D2}"), names);
        var now = await client.CoreV1.ListPodForAllNamespacesAsync();
        Assert.Contains(now.Items, p => p.Metadata.Name == "p99");
        Assert.DoesNotContain(now.Items, p => p.Metadata.Name == "p20");
    }

    [Fact]
    public async Task List_SortedByNamespaceThenName_ItemsWithoutKind()
    {
        await using var host = await TestCluster.StartAsync();
        host.Store.Create(TestCluster.Namespace("b"));
        host.Store.Create(TestCluster.Namespace("a"));
        host.Store.Create(TestCluster.Pod("b", "x"));
        host.Store.Create(TestCluster.Pod("a", "y"));
        host.Store.Create(TestCluster.Pod("a", "x"));
        using var http = TestCluster.Http(host);

        using var doc = JsonDocument.Parse(await http.GetStringAsync("/api/v1/pods?limit=500&resourceVersion=0&watch=false"));

        Assert.Equal("PodList", doc.RootElement.GetProperty("kind").GetString());
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["a/x", "a/y", "b/x"], items.Select(i => $"{i.GetProperty("metadata").GetProperty("namespace")}/{i.GetProperty("metadata").GetProperty("name")}"));
        Assert.All(items, i => Assert.False(i.TryGetProperty("kind", out _)));
        Assert.False(doc.RootElement.GetProperty("metadata").TryGetProperty("continue", out _));
    }

    [Fact]
    public async Task NamespacedList_Paged_StaysInNamespace()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "a", 3);
        TestCluster.Seed(host, "b", 5);
        TestCluster.Seed(host, "c", 3);
        var client = TestCluster.Client(host);

        var page1 = await client.CoreV1.ListNamespacedPodAsync("b", limit: 3);
        var page2 = await client.CoreV1.ListNamespacedPodAsync("b", limit: 3, continueParameter: page1.Metadata.ContinueProperty);

        Assert.Equal(2, page1.Metadata.RemainingItemCount);
        Assert.All(page1.Items.Concat(page2.Items), p => Assert.Equal("b", p.Metadata.NamespaceProperty));
        Assert.Equal(5, page1.Items.Count + page2.Items.Count);
        Assert.Null(page2.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task ListExact_BelowFloor_Returns410()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 5);
        var old = host.Store.CurrentRV - 3;
        host.Store.Compact(host.Store.CurrentRV);
        var client = TestCluster.Client(host);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListPodForAllNamespacesAsync(limit: 2, resourceVersion: old.ToString()));
        Assert.Equal(HttpStatusCode.Gone, e.Response.StatusCode);
        Assert.Contains("\"reason\":\"Expired\"", e.Response.Content);

        // Not-older-than (no limit) never answers 410.
        var list = await client.CoreV1.ListPodForAllNamespacesAsync(resourceVersion: old.ToString());
        Assert.Equal(5, list.Items.Count);
    }

    [Fact]
    public async Task ListExact_AboveFloor_ReturnsSnapshotAtRv()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 3);
        var rv = host.Store.CurrentRV;
        host.Store.Create(TestCluster.Pod("ns1", "later"));
        var client = TestCluster.Client(host);

        var list = await client.CoreV1.ListPodForAllNamespacesAsync(resourceVersion: rv.ToString(), resourceVersionMatch: "Exact");

        Assert.Equal(rv.ToString(), list.Metadata.ResourceVersion);
        Assert.Equal(3, list.Items.Count);
    }

    [Fact]
    public async Task Continue_BelowFloor_Returns410()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 5);
        var client = TestCluster.Client(host);
        var first = await client.CoreV1.ListPodForAllNamespacesAsync(limit: 2);
        host.Store.Create(TestCluster.Pod("ns1", "later"));
        host.Store.Compact(host.Store.CurrentRV);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListPodForAllNamespacesAsync(limit: 2, continueParameter: first.Metadata.ContinueProperty));

        Assert.Equal(HttpStatusCode.Gone, e.Response.StatusCode);
        Assert.Contains("continue parameter is too old", e.Response.Content);
    }

    [Theory]
    [InlineData("/api/v1/pods?resourceVersionMatch=NotOlderThan", 422, "resourceVersionMatch is forbidden unless resourceVersion is provided")]
    [InlineData("/api/v1/pods?resourceVersionMatch=Exact&continue=abc&resourceVersion=5", 422, "resourceVersionMatch is forbidden for continue")]
    [InlineData("/api/v1/pods?resourceVersionMatch=Exact&resourceVersion=0", 422, "is forbidden for resourceVersion")]
    [InlineData("/api/v1/pods?sendInitialEvents=true&resourceVersionMatch=NotOlderThan", 422, "sendInitialEvents is forbidden for list")]
    [InlineData("/api/v1/pods?watch=true&sendInitialEvents=true", 422, "requires setting resourceVersionMatch to NotOlderThan")]
    [InlineData("/api/v1/pods?watch=true&resourceVersionMatch=NotOlderThan&resourceVersion=1", 422, "forbidden for watch unless sendInitialEvents")]
    [InlineData("/api/v1/pods?resourceVersionMatch=Newest&resourceVersion=1", 422, "Unsupported value")]
    [InlineData("/api/v1/pods?continue=abc&resourceVersion=5", 400, "specifying resource version is not allowed when using continue")]
    [InlineData("/api/v1/pods?continue=!!garbage!!", 400, "continue key is not valid")]
    [InlineData("/api/v1/pods?shardSelector=x", 400, "shardSelector")]
    [InlineData("/api/v1/pods?watch=maybe", 400, "invalid value for watch")]
    [InlineData("/api/v1/pods?resourceVersion=abc", 400, "invalid resource version")]
    [InlineData("/api/v1/pods?labelSelector=app+in+(a,b)", 400, "equality")]
    [InlineData("/api/v1/pods?fieldSelector=spec.restartPolicy%3DAlways", 400, "field label not supported: spec.restartPolicy")]
    [InlineData("/api/v1/namespaces?fieldSelector=status.phase%3DActive", 400, "field label not supported: status.phase")]
    [InlineData("/apis/apps/v1/deployments?fieldSelector=spec.nodeName%3Dn1", 400, "field label not supported")]
    public async Task List_InvalidQuery_ReturnsStatus(string url, int code, string message)
    {
        await using var host = await TestCluster.StartAsync();
        using var http = TestCluster.Http(host);

        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(code, (int)response.StatusCode);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("Status", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(message, doc.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task List_FutureRv_Waits_Then504TooLargeWithRetryAfter()
    {
        await using var host = await TestCluster.StartAsync(o => o.TooLargeWait = TimeSpan.FromMilliseconds(200));
        using var http = TestCluster.Http(host);

        using var response = await http.GetAsync($"/api/v1/pods?resourceVersion={host.Store.CurrentRV + 100}");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("ResourceVersionTooLarge", body);
    }

    [Fact]
    public async Task List_FutureRvReachedWhileWaiting_Succeeds()
    {
        await using var host = await TestCluster.StartAsync();
        var client = TestCluster.Client(host);
        var target = host.Store.CurrentRV + 1;

        var list = client.CoreV1.ListPodForAllNamespacesAsync(resourceVersion: target.ToString());
        await host.WaitForRequest(r => r.Verb == "list");
        host.Store.Create(TestCluster.Pod("default", "a"));

        Assert.Single((await list).Items);
    }

    [Fact]
    public async Task List_IgnoreLimitAtRvZeroSwitch_ReturnsEverything()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 7);
        host.Switches.IgnoreLimitAtResourceVersionZero = true;
        var client = TestCluster.Client(host);

        var list = await client.CoreV1.ListPodForAllNamespacesAsync(limit: 2, resourceVersion: "0");

        Assert.Equal(7, list.Items.Count);
        Assert.Null(list.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task List_Selectors_FilterAndOmitRemainingCount()
    {
        await using var host = await TestCluster.StartAsync();
        host.Store.Create(TestCluster.Namespace("ns1"));
        for (var i = 0; i < 6; i++)
        {
            host.Store.Create(TestCluster.Pod("ns1", $"p{i}", node: i % 2 == 0 ? "n1" : "n2",
                labels: new Dictionary<string, string> { ["tier"] = i < 3 ? "fe" : "be" }));
        }

        var client = TestCluster.Client(host);

        var onN1 = await client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "spec.nodeName=n1");
        var fe = await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "tier=fe,tier!=be");
        var notFe = await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "tier!=fe");
        var named = await client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "metadata.name=p4,metadata.namespace==ns1");
        var running = await client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "status.phase=Running");
        var notRunning = await client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: "status.phase!=Running");
        var paged = await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "tier", limit: 2);

        Assert.Equal(["p0", "p2", "p4"], onN1.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["p0", "p1", "p2"], fe.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["p3", "p4", "p5"], notFe.Items.Select(p => p.Metadata.Name));
        Assert.Equal("p4", Assert.Single(named.Items).Metadata.Name);
        Assert.Equal(6, running.Items.Count);
        Assert.Empty(notRunning.Items);
        Assert.NotNull(paged.Metadata.ContinueProperty);
        Assert.Null(paged.Metadata.RemainingItemCount);
    }

    [Fact]
    public async Task List_WorkloadKinds_ServedAtTheirGroups()
    {
        await using var host = await TestCluster.StartAsync();
        host.Store.Create(new k8s.Models.V1Deployment { Metadata = new() { Name = "d", NamespaceProperty = "default" } });
        host.Store.Create(new k8s.Models.V1CronJob { Metadata = new() { Name = "cj", NamespaceProperty = "default" } });
        host.Store.Create(new k8s.Models.V1Node { Metadata = new() { Name = "n1" } });
        var client = TestCluster.Client(host);

        Assert.Equal("d", Assert.Single((await client.AppsV1.ListDeploymentForAllNamespacesAsync()).Items).Metadata.Name);
        Assert.Equal("cj", Assert.Single((await client.BatchV1.ListNamespacedCronJobAsync("default")).Items).Metadata.Name);
        Assert.Equal("n1", Assert.Single((await client.CoreV1.ListNodeAsync()).Items).Metadata.Name);
        Assert.Empty((await client.AppsV1.ListReplicaSetForAllNamespacesAsync()).Items);
        Assert.Empty((await client.CoreV1.ListReplicationControllerForAllNamespacesAsync()).Items);
        var ks = await client.CoreV1.ReadNamespaceAsync("kube-system");
        Assert.Equal(host.Store.ClusterUid, ks.Metadata.Uid);
    }
}
