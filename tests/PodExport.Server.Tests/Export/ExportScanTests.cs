using System.Collections.ObjectModel;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Model.Records;
using PodExport.Query;
using PodExport.Server.Export;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Export;

/// <summary>
/// The snapshot walk by namespace runs must hand out exactly the pods a per-pod scan does, in the same order, and
/// count the same visible namespaces (service.md S-16).
/// </summary>
public sealed class ExportScanTests
{
    private static readonly DateTimeOffset ViewTime = ExportApp.Start;

    private static readonly string[] Queries =
    [
        "",
        "Namespace:b",
        "Namespace:b+Pod Name:web",
        "Namespace:a,c+Pod Name:web,db",
        "Namespace:!b+Pod Name:r/-1$",
        "Namespace:\"c\"+Pod Name:!web",
        "Pod Name:db",
        "Cluster ID:6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60+Namespace:c,e",
        "Cluster ID:!6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60",
        "Namespace:b+Container Restarts:-",
        "Namespace:nowhere",
    ];

    public static TheoryData<string, string> QueriesAndScopes()
    {
        var data = new TheoryData<string, string>();
        foreach (var query in Queries)
        {
            foreach (var scope in new[] { "*", "b", "a,c,e", "x" })
            {
                data.Add(query, scope);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(QueriesAndScopes))]
    public void TryNext_ByRuns_SameAsPerPodScan(string text, string scopeText)
    {
        var pods = Snapshot();
        var scope = scopeText == "*" ? NamespaceScope.All : NamespaceScope.Only(scopeText.Split(','));
        var filter = Filter(text);
        Assert.True(QueryCompiler.TryCompileUncached(text, out var query, out _));
        var matches = query.Bind(ViewTime);
        var expected = pods.Where(p => scope.Allows(p.Namespace) && matches(p)).ToList();
        var expectedNamespaces = pods.Select(p => p.Namespace).Distinct().Count(scope.Allows);

        var byRuns = new ExportScan(pods, scope, filter);
        var perPod = new ExportScan(new ReadOnlyCollection<PodRecord>(pods), scope, filter);

        Assert.Equal(expected, Drain(byRuns));
        Assert.Equal(expected, Drain(perPod));
        Assert.Equal(expectedNamespaces, byRuns.VisibleNamespaces);
        Assert.Equal(expectedNamespaces, perPod.VisibleNamespaces);
    }

    [Fact]
    public void TryNext_LongRunsAcrossCheckIntervals_HandsOutEveryMatchOnce()
    {
        var pods = Sorted(Enumerable.Range(0, 3000).Select(i => TestPods.Make(i < 1200 ? "a" : "b", i % 5 == 0 ? $"web-{i:d4}" : $"db-{i:d4}", i)));
        var scan = new ExportScan(pods, NamespaceScope.All, Filter("Namespace:b+Pod Name:web"));

        var names = Drain(scan).Select(p => p.Name).ToList();

        Assert.Equal(Enumerable.Range(1200, 1800).Where(i => i % 5 == 0).Select(i => $"web-{i:d4}"), names);
        Assert.Equal(2, scan.VisibleNamespaces);
    }

    [Fact]
    public void TryNext_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        var scan = new ExportScan(Snapshot(), NamespaceScope.All, PodFilter.All);
        Assert.True(scan.TryNext(cancel.Token, out _));

        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => scan.TryNext(cancel.Token, out _));
    }

    [Fact]
    public void TryNext_CancelledAfterTheLastPod_EndsNormally()
    {
        // W-35: the view was read to its end before the deadline came, so the export completes; both walks agree.
        foreach (var pods in new IReadOnlyList<PodRecord>[] { Snapshot()[..1], new ReadOnlyCollection<PodRecord>(Snapshot()[..1]) })
        {
            using var cancel = new CancellationTokenSource();
            var scan = new ExportScan(pods, NamespaceScope.All, PodFilter.All);
            Assert.True(scan.TryNext(cancel.Token, out _));

            cancel.Cancel();

            Assert.False(scan.TryNext(cancel.Token, out _));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1000)]
    public void RunEnd_RunOfAnyLength_EndsAtTheNextNamespace(int length)
    {
        var pods = Sorted(
            Enumerable.Range(0, 3).Select(i => TestPods.Make("a", $"p{i}", i))
                .Concat(Enumerable.Range(0, length).Select(i => TestPods.Make("b", $"p{i:d4}", 100 + i)))
                .Concat(Enumerable.Range(0, 5).Select(i => TestPods.Make("c", $"p{i}", 10_000 + i))));

        Assert.Equal(3, ExportScan.RunEnd(pods, 0));
        Assert.Equal(3 + length, ExportScan.RunEnd(pods, 3));
        Assert.Equal(3 + length, ExportScan.RunEnd(pods, 2 + length));
        Assert.Equal(pods.Length, ExportScan.RunEnd(pods, 3 + length));
        Assert.Equal(pods.Length, ExportScan.RunEnd(pods, pods.Length - 1));
    }

    [Fact]
    public async Task ExportEndpoint_QueryAndScope_WritesTheMatchingVisiblePodsInOrder()
    {
        var pods = Snapshot();
        var access = TestAccess.Fixed("alice", AuthorizationResult.Success(NamespaceScope.Only(["a", "c", "d"])));
        await using var app = new ExportApp(s => s.AddSingleton(access));
        app.InMemorySource.Set(pods);
        app.InMemorySource.MarkSynced();

        using var response = await app.CreateClient().StartAsync("/v1/export/pods?query=" + Uri.EscapeDataString("Namespace:a,b,c+Pod Name:!db"));

        var expected = pods.Where(p => p.Namespace is "a" or "c" && !p.Name.StartsWith("db", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(string.Concat(expected.Select(p => Encoding.UTF8.GetString(p.Line))), await response.BodyAsync());
    }

    private static PodFilter Filter(string text)
    {
        Assert.True(QueryCompiler.TryCompileUncached(text, out var query, out var error), error?.Message);
        return query.BindFilter(ViewTime);
    }

    /// <summary>Five namespaces with runs of 1 to 40 pods; names repeat across namespaces.</summary>
    private static PodRecord[] Snapshot()
    {
        var pods = new List<PodRecord>();
        var serial = 0;
        foreach (var (ns, count) in new[] { ("a", 3), ("b", 40), ("c", 1), ("d", 17), ("e", 2) })
        {
            for (var i = 0; i < count; i++)
            {
                var name = (i % 3) switch { 0 => "web", 1 => "db", _ => "cache" } + $"-{i}";
                pods.Add(TestPods.Make(ns, name, serial++));
            }
        }

        return Sorted(pods);
    }

    private static PodRecord[] Sorted(IEnumerable<PodRecord> pods)
    {
        var array = pods.ToArray();
        Array.Sort(array, PodRecord.CompareExportOrder);
        return array;
    }

    private static List<PodRecord> Drain(ExportScan scan)
    {
        var pods = new List<PodRecord>();
        while (scan.TryNext(CancellationToken.None, out var pod))
        {
            pods.Add(pod);
        }

        return pods;
    }
}
