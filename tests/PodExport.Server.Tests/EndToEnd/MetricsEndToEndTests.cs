using PodExport.Cluster.Identity;
using PodExport.Server.Tests.Deployment;
using PodExport.Server.Tests.EndToEnd.Testing;
using PodExport.Server.Tests.Telemetry;
using PodExport.Server.Tests.Testing;
using PodExport.Simulator.Fixtures;

namespace PodExport.Server.Tests.EndToEnd;

/// <summary>
/// <c>/metrics</c> of a running <c>--simulate</c> gateway after informer activity of every sort (lists, watch events,
/// a forced watch restart), store activity (an eviction, a retained pod dropped with its owner) and an export
/// (issue 6 "How it is checked"; OPERATIONS.md §3).
/// </summary>
/// <remarks>
/// Meters are process-wide by name, so the sums are lower bounds and gauges are checked for presence only; the test
/// runs alone (<see cref="SerialCollection"/>) so that other servers' instruments do not crowd out this one's.
/// </remarks>
[Collection(SerialCollection.Name)]
public sealed class MetricsEndToEndTests
{
    private const string Namespace = "metrics-probe";
    private const string PodName = "probe-6c5d4b3a2-k4m2n";
    private static readonly string PodId = Uuid5.PodId("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d");

    [Fact]
    public async Task Metrics_SimulateModeAfterActivity_InformerAndStoreInstrumentsAndEveryDashboardName()
    {
        await using var app = GatewayApp.Simulating(pods: 40, churn: 0, ("Store:TerminatedInstancesPerContainer", "1"));
        using var client = await app.StartReadyAsync();
        var simulator = await app.SimulatorAsync();

        FixtureLoader.Load(simulator.Store, FixtureCluster.AssetPath("metrics-objects.yaml"));

        // Owners and pods arrive on separate watches. Only a Deployment held in the owner cache gives the pod its
        // Deployment Label (a reference alone carries no labels), and only then is the deleted pod retained (M-24).
        await Eventually.HoldsAsync(
            async () => (await client.ExportOkAsync($"Namespace:\"{Namespace}\"+Deployment Label:app=probe")).Find(PodId) is not null,
            "the probe pod was not exported with its Deployment resolved");

        // Deleted while its Deployment lives: retained; its running instance joins the previous run in a bucket of one.
        simulator.Store.Delete("Pod", Namespace, PodName, graceful: true);
        await Eventually.HoldsAsync(
            async () => (await client.ExportOkAsync()).Find(PodId) is { } p && p["liveInstances"]!.AsArray().Count == 0,
            "the probe pod was not retained as deleted");
        simulator.Store.Delete("Deployment", Namespace, "probe", graceful: false);
        await Eventually.HoldsAsync(async () => (await client.ExportOkAsync()).Find(PodId) is null, "the retained pod was not dropped");

        Assert.Equal(400, (await client.ExportAsync("NoSuchLabel:x")).Status);
        Assert.True(simulator.CloseWatchers(w => w.Kind == "Pod") >= 1);
        var last = new Exposition("");
        var scrape = await Eventually.ValueAsync(async () =>
        {
            await client.ExportOkAsync($"Namespace:{Namespace}");
            var exposition = last = await ScrapeAsync(client);

            // An export is counted when its response has ended, which the client may see first; the exporter also
            // caches a scrape for a moment. So the scrape is taken again until it shows everything.
            return exposition.Sum("podexport_informer_watch_restarts_total", ("kind", "Pod")) >= 1
                && exposition.Sum("podexport_query_parse_errors_total") >= 1
                && exposition.Sum("podexport_export_requests_total", ("outcome", "ok")) >= 1
                ? exposition
                : null;
        }, () => "no Pod watch restart, query error or export was counted in:\n" + string.Join("\n", last.Text.Split('\n').Where(l => l.Contains("restarts", StringComparison.Ordinal) || l.Contains("parse_errors", StringComparison.Ordinal) || l.Contains("requests_total", StringComparison.Ordinal))));

        Assert.True(scrape.Sum("podexport_informer_events_total", ("kind", "Pod"), ("type", "added")) >= 1, scrape.Text);
        Assert.True(scrape.Sum("podexport_informer_events_total", ("kind", "Pod"), ("type", "deleted")) >= 1);
        Assert.True(scrape.Sum("podexport_informer_events_total", ("kind", "Deployment"), ("type", "deleted")) >= 1);
        Assert.True(scrape.Sum("podexport_informer_relists_total", ("kind", "Pod")) >= 1);
        Assert.True(scrape.Sum("podexport_informer_relists_total", ("kind", "ReplicaSet")) >= 1);

        // Gauges only appear: with several hosts in the process, another host's value may be the one exposed.
        Assert.Contains(scrape.Named("podexport_informer_synced_ratio"), s => s.Labels["kind"] == "Pod");
        Assert.Contains(scrape.Named("podexport_informer_degraded"), s => s.Labels["kind"] == "Pod");
        Assert.Contains(scrape.Named("podexport_pods"), s => s.Labels["state"] == "live");
        Assert.NotEmpty(scrape.Named("podexport_terminated_instances"));
        Assert.Contains(scrape.Named("podexport_limit"), s => s.Labels["limit"] == "terminated_instances_per_container");
        Assert.True(scrape.Sum("podexport_terminated_instances_evicted_total") >= 1);
        Assert.True(scrape.Sum("podexport_deleted_pods_dropped_total", ("reason", "owner_deleted")) >= 1);
        Assert.True(scrape.Sum("podexport_export_requests_total", ("outcome", "ok")) >= 1);
        Assert.True(scrape.Sum("podexport_query_parse_errors_total") >= 1);

        var names = MetricNameLists.Read(MetricNameLists.Own);
        var exposed = scrape.Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var missing = names.Where(n => !exposed.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "Not in the scrape: " + string.Join(", ", missing));

        // Exit 3 with findings only about the runtime's own *_count gauges is accepted, as in MetricsEndpointTests.
        var promtool = await Promtool.CheckMetricsAsync(scrape.Text);
        Assert.True(promtool.ExitCode is 0 or Promtool.LintFindings, promtool.ToString());
        Assert.DoesNotContain(Promtool.FindingNames(promtool.Output), n => n.StartsWith("podexport_", StringComparison.Ordinal));
    }

    private static async Task<Exposition> ScrapeAsync(HttpClient client)
    {
        using var response = await client.StartAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new Exposition(await response.BodyAsync());
    }
}
