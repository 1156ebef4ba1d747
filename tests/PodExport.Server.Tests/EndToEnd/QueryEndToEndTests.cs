using PodExport.Server.Tests.EndToEnd.Testing;

namespace PodExport.Server.Tests.EndToEnd;

/// <summary>
/// The query language through HTTP against a fixture cluster in the simulator (issue 5 "How it is checked"): the
/// pods come through the real informers, owner resolution and store, so the labels that depend on them (owner kind,
/// exit codes from <c>lastState</c>, static pods, pod labels) are checked on real data.
/// </summary>
public sealed class QueryEndToEndTests(QueryEndToEndTests.Cluster cluster) : IClassFixture<QueryEndToEndTests.Cluster>
{
    public sealed class Cluster() : FixtureCluster("query-cluster.yaml");

    [Theory]
    [InlineData("Namespace:shop+Pod Name:web", "web-7d9c6b5f4-q9z7m web-7d9c6b5f4-x2k8p")]
    [InlineData("Namespace:shop", "db-0 web-7d9c6b5f4-q9z7m web-7d9c6b5f4-x2k8p debug-shell")]
    [InlineData("Namespace:\"shop\"", "db-0 web-7d9c6b5f4-q9z7m web-7d9c6b5f4-x2k8p")]
    [InlineData("Namespace:shop Pod Name:web", "web-7d9c6b5f4-q9z7m web-7d9c6b5f4-x2k8p")]
    [InlineData("Pod Name:r/^(db|debug)-", "db-0 debug-shell")]
    [InlineData("Pod Name:!r/^web-+Namespace:shop", "db-0 debug-shell")]
    [InlineData("Exit Code:137", "api-5f6d7c8b9-crash db-0")]
    [InlineData("Termination Reason:OOMKilled+Deployment Type:\"StatefulSet\"", "db-0")]
    [InlineData("Pod Label:tier=frontend", "web-7d9c6b5f4-q9z7m web-7d9c6b5f4-x2k8p")]
    [InlineData("Pod Label:tier", "kube-apiserver-cp-1 web-7d9c6b5f4-q9z7m web-7d9c6b5f4-x2k8p")]
    [InlineData("Deployment Type:StaticPods", "kube-apiserver-cp-1")]
    [InlineData("Deployment:static-kube-apiserver-pods", "kube-apiserver-cp-1")]
    [InlineData("Deployment Type:\"Pod\"", "debug-shell")]
    [InlineData("Deployment ID:5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "web-7d9c6b5f4-q9z7m web-7d9c6b5f4-x2k8p")]
    [InlineData("Deployment:api,db", "api-5f6d7c8b9-crash db-0")]
    [InlineData("Container Restarts:>2", "api-5f6d7c8b9-crash")]
    [InlineData("Node:worker-1+Image:nginx", "web-7d9c6b5f4-x2k8p")]
    [InlineData("Pod Deleted:true", "")]
    public async Task Query_OverHttp_MatchesExpectedPods(string query, string expected)
    {
        var export = await cluster.Client.ExportOkAsync(query);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), export.Names);
    }

    [Fact]
    public async Task Query_Empty_ExportsEveryFixturePod()
    {
        var export = await cluster.Client.ExportOkAsync();

        Assert.Equal(
            ["kube-apiserver-cp-1", "api-5f6d7c8b9-crash", "db-0", "web-7d9c6b5f4-q9z7m", "web-7d9c6b5f4-x2k8p", "debug-shell"],
            export.Names);
    }

    [Theory]
    [InlineData("Namespace:shop+Pod Name:\"web", "invalid query: unterminated quote at position 25")]
    [InlineData("Namspace:shop", "invalid query: unknown label \"Namspace\" at position 1; did you mean \"Namespace\"?")]
    [InlineData("Namespace:shop+Exit Code:abc", "invalid query: value \"abc\" for label \"Exit Code\" at position 26 is not a valid number")]
    public async Task Query_Malformed_Is400Code3WithPosition(string query, string messageStart)
    {
        var export = await cluster.Client.ExportAsync(query);

        Assert.Equal(400, export.Status);
        Assert.Empty(export.Pods);
        Assert.NotNull(export.Error);
        Assert.Equal(3, (int)export.Error["code"]!);
        Assert.StartsWith(messageStart, (string)export.Error["message"]!, StringComparison.Ordinal);
    }
}
