using PodExport.Model.Records;
using static PodExport.Query.Tests.QueryAssert;

namespace PodExport.Query.Tests;

/// <summary>
/// <see cref="PodFilter"/> splits a query into the pairs decided once per namespace and those checked per pod; the
/// split must select exactly the pods the whole query selects.
/// </summary>
public sealed class PodFilterTests
{
    /// <summary>
    /// Sorted by namespace, as a snapshot is (W-38); names, kinds and labels vary inside each namespace, the cluster
    /// does not (it is the gateway's setting, pod-model.md §2).
    /// </summary>
    private static readonly PodRecord[] Pods =
    [
        TestPods.Make("api-0", ns: "billing", ownerKind: "Deployment", labels: new() { ["app"] = "api" }),
        TestPods.Make("job-1", ns: "billing", ownerKind: "Job", restarts: 3),
        TestPods.Make("web-0", ns: "shop", ownerKind: "Deployment"),
        TestPods.Make("web-1", ns: "shop", ownerKind: "Deployment", terminated: [("app", 137, "OOMKilled")]),
        TestPods.Make("db-0", ns: "shop", ownerKind: "StatefulSet", labels: new() { ["app"] = "db" }),
        TestPods.Make("web-0", ns: "shop-eu", ownerKind: "Deployment", started: new DateTimeOffset(2024, 4, 30, 9, 0, 0, TimeSpan.Zero)),
        TestPods.Make("cron-2", ns: "shop-eu", ownerKind: "CronJob"),
        TestPods.Make("static", ns: "zeta", ownerKind: "StaticPods"),
    ];

    public static TheoryData<string> Queries => new()
    {
        "Namespace:shop",
        "Namespace:shop+Deployment Type:\"Deployment\"",
        "Namespace:shop,billing+Pod Name:web,job",
        "Namespace:!shop+Pod Name:r/-[01]$",
        "Namespace:\"shop\"+Pod Label:app=db",
        "Namespace:r/^shop-+Pod Started:<2d",
        "Cluster:prod-east+Namespace:shop+Exit Code:137",
        "Cluster ID:" + TestPods.ClusterId + "+Deployment Type:CronJob",
        "Cluster:!prod-east",
        "Cluster:prod+Namespace:shop-eu,zeta",
        "Deployment Type:Deployment,StatefulSet",
        "Namespace:shop+Container Restarts:-",
        "Namespace:shop+Pod Deleted:*",
        "Namespace:nowhere+Pod Name:web",
        "Pod Name:!web+Namespace:shop,zeta,billing",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void BindFilter_NamespaceThenPodParts_SelectTheSamePodsAsTheWholeQuery(string text)
    {
        var query = Compile(text);
        var whole = query.Bind(ViewTime);
        var filter = query.BindFilter(ViewTime);

        var expected = Enumerable.Range(0, Pods.Length).Where(i => whole(Pods[i])).ToArray();

        Assert.Equal(expected, ByRuns(filter));
        Assert.Equal(expected, Enumerable.Range(0, Pods.Length).Where(i => filter.Matches(Pods[i])).ToArray());
    }

    [Fact]
    public void BindFilter_EmptyQuery_MatchesAllWithoutPerPodChecks()
    {
        var filter = Compile("").BindFilter(ViewTime);

        Assert.Same(PodFilter.All, filter);
        Assert.True(filter.MatchesAll);
        Assert.False(filter.ChecksEachPod);
        Assert.Equal(3, filter.IndexOfMatch(Pods, 3, Pods.Length));
    }

    [Theory]
    [InlineData("Namespace:shop")]
    [InlineData("Namespace:shop+Cluster:prod-east+Cluster ID:" + TestPods.ClusterId)]
    [InlineData("Namespace:shop+Pod Deleted:*")]
    public void BindFilter_OnlyNamespaceLevelPairs_ChecksNoPod(string text)
    {
        var filter = Compile(text).BindFilter(ViewTime);

        Assert.False(filter.ChecksEachPod);
        Assert.False(filter.MatchesAll);
        Assert.True(filter.NamespaceCanMatch(Pods[2]));
        Assert.False(filter.NamespaceCanMatch(Pods[0]));
    }

    [Fact]
    public void BindFilter_PerPodPartNeverMatches_NoNamespaceCanMatch()
    {
        var filter = Compile("Namespace:shop+Container Restarts:-").BindFilter(ViewTime);

        Assert.False(filter.ChecksEachPod);
        Assert.All(Pods, pod => Assert.False(filter.NamespaceCanMatch(pod)));
        Assert.Equal(Pods.Length, filter.IndexOfMatch(Pods, 0, Pods.Length));
    }

    [Fact]
    public void BindFilter_RelativeDate_UsesEachViewTime()
    {
        var query = Compile("Namespace:shop-eu+Pod Started:<2d");

        // The pod started 2024-04-30 09:00; "<2d" is "less than two days ago".
        Assert.True(query.BindFilter(ViewTime).MatchesWithinNamespace(Pods[5]));
        Assert.False(query.BindFilter(ViewTime.AddDays(3)).MatchesWithinNamespace(Pods[5]));
        Assert.NotSame(query.BindFilter(ViewTime), query.BindFilter(ViewTime));
        var fixedQuery = Compile("Namespace:shop");
        Assert.Same(fixedQuery.BindFilter(ViewTime), fixedQuery.BindFilter(ViewTime.AddDays(1)));
    }

    [Fact]
    public void IndexOfMatch_NoMatchBeforeStop_ReturnsStop()
    {
        var filter = Compile("Pod Name:cron").BindFilter(ViewTime);

        Assert.Equal(4, filter.IndexOfMatch(Pods, 0, 4));
        Assert.Equal(6, filter.IndexOfMatch(Pods, 4, Pods.Length));
        Assert.Equal(6, filter.IndexOfMatch(Pods, 6, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => filter.IndexOfMatch(Pods, 0, Pods.Length + 1));
    }

    [Fact]
    public void IndexOfMatch_LargeList_FindsEveryMatchWhilePrefetching()
    {
        var pods = Enumerable.Range(0, 500).Select(i => TestPods.Make($"p-{i:d3}", ns: "shop", ownerKind: i % 7 == 0 ? "Job" : "Deployment")).ToArray();
        var filter = Compile("Deployment Type:Job").BindFilter(ViewTime);

        var found = new List<int>();
        for (var i = filter.IndexOfMatch(pods, 0, pods.Length); i < pods.Length; i = filter.IndexOfMatch(pods, i + 1, pods.Length))
        {
            found.Add(i);
        }

        Assert.Equal(Enumerable.Range(0, 500).Where(i => i % 7 == 0), found);
    }

    /// <summary>The way the export walks a snapshot: one namespace decision per run, then the per-pod scan.</summary>
    private static int[] ByRuns(PodFilter filter)
    {
        var selected = new List<int>();
        var start = 0;
        while (start < Pods.Length)
        {
            var end = start;
            while (end < Pods.Length && Pods[end].Namespace == Pods[start].Namespace)
            {
                end++;
            }

            if (filter.NamespaceCanMatch(Pods[start]))
            {
                for (var i = filter.IndexOfMatch(Pods, start, end); i < end; i = filter.IndexOfMatch(Pods, i + 1, end))
                {
                    selected.Add(i);
                }
            }

            start = end;
        }

        return [.. selected];
    }
}
