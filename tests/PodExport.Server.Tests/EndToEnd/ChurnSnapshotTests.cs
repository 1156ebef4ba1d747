using System.Text.Json.Nodes;
using PodExport.Cluster.Identity;
using PodExport.Server.Tests.EndToEnd.Testing;

namespace PodExport.Server.Tests.EndToEnd;

/// <summary>
/// Snapshot consistency through HTTP while the simulator churns hard (issue 4 "How it is checked"; export-api W-38):
/// every export taken concurrently with the churn and with other exports is a complete, ordered point-in-time view.
/// </summary>
public sealed class ChurnSnapshotTests
{
    private const int Rounds = 3;
    private const int Concurrent = 4;

    [Fact]
    public async Task Export_DuringHeavyChurn_EachSnapshotOrderedWithoutDuplicatesOrHalfPods()
    {
        await using var app = GatewayApp.Simulating(pods: 150, churn: 2000);
        using var client = await app.StartReadyAsync();
        var simulator = await app.SimulatorAsync();

        var snapshots = new List<ExportResult>();
        var firstRv = simulator.Store.CurrentRV;
        for (var round = 0; round < Rounds; round++)
        {
            snapshots.AddRange(await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(_ => client.ExportOkAsync())));
        }

        // The churn really ran while the exports were taken.
        Assert.True(simulator.Store.CurrentRV > firstRv, "the simulator did not churn");
        Assert.All(snapshots, AssertConsistent);
        Assert.True(snapshots.Select(s => string.Join(",", s.Pods.Select(p => p["id"]))).Distinct(StringComparer.Ordinal).Count() > 1
            || snapshots.Select(s => s.Body).Distinct(StringComparer.Ordinal).Count() > 1,
            "every snapshot was identical: the churn was not visible to the exports");
    }

    private static void AssertConsistent(ExportResult export)
    {
        Assert.NotEmpty(export.Pods);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        JsonObject? previous = null;
        foreach (var pod in export.Pods)
        {
            var id = (string)pod["id"]!;
            Assert.True(ids.Add(id), $"pod id {id} twice in one export");
            AssertComplete(pod);
            if (previous is not null)
            {
                Assert.True(Compare(previous, pod) < 0, $"out of order: {Key(previous)} before {Key(pod)}");
            }

            previous = pod;
        }
    }

    // Every field present, and every instance belongs to this very pod: a pod mixed from two versions of an object
    // or from two pods would show a containingPodId that disagrees with the pod's name, namespace or id.
    private static void AssertComplete(JsonObject pod)
    {
        var name = (string)pod["name"]!;
        var ns = (string)pod["namespace"]!;
        var id = (string)pod["id"]!;
        Assert.False(string.IsNullOrEmpty(name) || string.IsNullOrEmpty(ns), pod.ToJsonString());
        Assert.True(Guid.TryParse((string?)pod["deploymentId"], out _), pod.ToJsonString());
        Assert.True(Guid.TryParse((string?)pod["clusterId"], out _), pod.ToJsonString());
        Assert.True(pod.ContainsKey("started"), pod.ToJsonString());
        var instances = pod["liveInstances"]!.AsArray()
            .Concat(pod["terminatedInstances"]!.AsArray().SelectMany(b => b!["instances"]!.AsArray()));
        foreach (var instance in instances)
        {
            var containing = (string)instance!["containingPodId"]!;
            var prefix = $"{name}.{ns}@";
            Assert.StartsWith(prefix, containing, StringComparison.Ordinal);
            Assert.Equal(id, Uuid5.PodId(containing[prefix.Length..]));
        }
    }

    private static int Compare(JsonObject a, JsonObject b)
    {
        var byNamespace = string.CompareOrdinal((string)a["namespace"]!, (string)b["namespace"]!);
        if (byNamespace != 0)
        {
            return byNamespace;
        }

        var byName = string.CompareOrdinal((string)a["name"]!, (string)b["name"]!);
        return byName != 0 ? byName : string.CompareOrdinal((string)a["id"]!, (string)b["id"]!);
    }

    private static string Key(JsonObject pod) => $"{pod["namespace"]}/{pod["name"]}/{pod["id"]}";
}
