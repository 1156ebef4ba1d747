using PodExport.Server.Telemetry;
using PodExport.Server.Tests.Deployment;

namespace PodExport.Server.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> after real activity: the product's instruments moved, the names the dashboard and the alert rules
/// query are all there, and promtool accepts the text (OPERATIONS.md §3 "Linting", issue 6 "How it is checked").
/// </summary>
/// <remarks>
/// The assertions are lower bounds: meters are process-wide by name, so exports of tests running in parallel may be
/// counted as well.
/// </remarks>
public sealed class MetricsEndpointTests(ScrapeFixture fixture) : IClassFixture<ScrapeFixture>
{
    /// <summary>
    /// This host reads an in-memory source and runs no informers, so the informer names are checked by the scrape of a
    /// running --simulate gateway in EndToEnd/MetricsEndToEndTests instead.
    /// </summary>
    private const string InformerPrefix = "podexport_informer_";

    private Exposition Scrape => fixture.Scrape;

    [Fact]
    public void MetricsEndpoint_AfterExport_ExportInstrumentsMoved()
    {
        Assert.True(fixture.ExportedPods > 0);
        Assert.True(Scrape.Sum("podexport_export_requests_total", ("outcome", "ok"), ("code", "0")) >= 1, Scrape.Text);
        Assert.True(Scrape.Sum("podexport_export_requests_total", ("outcome", "invalid_query"), ("code", "3")) >= 1);
        Assert.True(Scrape.Sum("podexport_query_parse_errors_total") >= 1);
        Assert.True(Scrape.Sum("podexport_export_pods_total") >= fixture.ExportedPods);
        Assert.True(Scrape.Sum("podexport_export_bytes_total") >= fixture.ExportedBytes);
        Assert.True(Scrape.Sum("podexport_export_duration_seconds_count", ("outcome", "ok")) >= 1);
        Assert.True(Scrape.Sum("podexport_export_duration_seconds_bucket", ("outcome", "ok"), ("le", "+Inf")) >= 1);

        // The bucket advice of ExportMetrics: seconds up to the 600 s cap, not the SDK's millisecond buckets.
        Assert.Contains(Scrape.Named("podexport_export_duration_seconds_bucket"), s => s.Labels["le"] == "600");
    }

    [Fact]
    public void MetricsEndpoint_AfterStoreEvents_StoreInstrumentsMoved()
    {
        Assert.True(Scrape.Sum("podexport_pods", ("state", "live")) >= 1, Scrape.Text);
        Assert.True(Scrape.Sum("podexport_terminated_instances") >= 1);
        Assert.True(Scrape.Sum("podexport_terminated_instances_evicted_total") >= 1);
        Assert.True(Scrape.Sum("podexport_deleted_pods_dropped_total") >= 1);
        Assert.True(Scrape.Sum("podexport_limit", ("limit", "terminated_instances_per_container")) >= 1);
    }

    [Fact]
    public void MetricsEndpoint_BuildInfo_IsOneWithVersionAndCommit()
    {
        var build = BuildInfo.Current;

        // Servers of parallel tests add their own identical series; each says the same.
        var samples = Scrape.Named("podexport_build_info").ToList();
        Assert.NotEmpty(samples);
        Assert.All(samples, s =>
        {
            Assert.Equal(build.Version, s.Labels["version"]);
            Assert.Equal(build.Commit, s.Labels["commit"]);
            Assert.Equal(1, s.Value);
        });
        Assert.Contains("# TYPE podexport_build_info gauge", Scrape.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsEndpoint_Resource_HonoursOtelServiceNameAndResourceAttributes()
    {
        var target = Assert.Single(Scrape.Named("target_info"), s => s.Labels.GetValueOrDefault("service_name") == ScrapeFixture.ServiceName);
        Assert.Equal("test", target.Labels["deployment_environment"]);
        Assert.Equal(BuildInfo.Current.InformationalVersion, target.Labels["service_version"]);
    }

    [Fact]
    public void MetricsEndpoint_BuiltInMeters_AreExposed()
    {
        Assert.NotEmpty(Scrape.Named("http_server_request_duration_seconds_bucket"));
        Assert.True(Scrape.Sum("dotnet_process_memory_working_set_bytes") > 0);

        // DisableHttpMetrics: the scrape itself is not a request of http.server.*.
        Assert.DoesNotContain(Scrape.Named("http_server_request_duration_seconds_count"), s => s.Labels.GetValueOrDefault("http_route") == TelemetryPaths.Metrics);
        Assert.StartsWith("text/plain", fixture.ScrapeContentType, StringComparison.Ordinal);
        Assert.Contains("version=0.0.4", fixture.ScrapeContentType, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsEndpoint_DashboardAndRuleNames_AllAppear()
    {
        var names = MetricNameLists.Read(MetricNameLists.Own);
        var exposed = Scrape.Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        var missing = names.Where(n => !n.StartsWith(InformerPrefix, StringComparison.Ordinal) && !exposed.Contains(n)).ToList();

        Assert.True(missing.Count == 0, "Not in the scrape: " + string.Join(", ", missing));
        Assert.Contains(names, n => !n.StartsWith(InformerPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MetricsEndpoint_Text_PassesPromtoolCheckMetrics()
    {
        var result = await Promtool.CheckMetricsAsync(Scrape.Text);

        // 1 means the text does not parse: never acceptable. 3 means lint findings; those about the .NET
        // runtime's own gauges (dotnet_assembly_count, dotnet_process_cpu_count, dotnet_timer_count: "should not
        // have _count suffix") come from System.Runtime's fixed instrument names, which we neither own nor rename,
        // so only findings about our own podexport_* names fail the test.
        Assert.True(result.ExitCode is 0 or Promtool.LintFindings, result.ToString());
        var ours = Promtool.FindingNames(result.Output).Where(n => n.StartsWith("podexport_", StringComparison.Ordinal)).ToList();
        Assert.True(ours.Count == 0, result.ToString());
    }
}
