using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using PodExport.Server.Telemetry;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Telemetry;

/// <summary>The export span and the request-span filter, through the in-memory exporter (issue 6 "How it is checked").</summary>
/// <remarks>
/// The <c>PodExport</c> activity source is process-wide, so spans of other tests' exports reach this exporter too;
/// each test finds its own by a query no other test sends.
/// </remarks>
public sealed class ExportTracingTests
{
    private static ExportApp Traced(ActivityRecorder spans) =>
        new(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));

    private static Func<Activity, bool> ExportSpanWithQuery(string query) =>
        a => a.OperationName == ExportTracing.ExportSpanName && (a.GetTagItem(ExportTracing.QueryAttribute) as string) == query;

    [Fact]
    public async Task ExportSpan_SuccessfulExport_CarriesQueryPodsBytesAndOutcome()
    {
        const string Query = "Namespace:ns-2";
        var spans = new ActivityRecorder();
        await using var app = Traced(spans);
        app.InMemorySource.Set(TestPods.Many(12));
        app.InMemorySource.MarkSynced();

        using var response = await app.CreateClient().StartAsync("/v1/export/pods?query=Namespace%3Ans-2");
        var body = await response.BodyBytesAsync();
        var span = await spans.WaitForAsync(ExportSpanWithQuery(Query));

        Assert.Equal(ExportTracing.SourceName, span.Source.Name);
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(4L, span.GetTagItem(ExportTracing.PodsAttribute));
        Assert.Equal((long)body.Length, span.GetTagItem(ExportTracing.BytesAttribute));
        
        // Namespaces visible to the caller among the pods read, before the query's filter (S-16's count).
        Assert.Equal(3, span.GetTagItem(ExportTracing.NamespacesAttribute));
        Assert.Equal("ok", span.GetTagItem(ExportTracing.OutcomeAttribute));
        Assert.Equal(0, span.GetTagItem(ExportTracing.CodeAttribute));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        // A child of ASP.NET Core's request span.
        var request = await spans.WaitForAsync(a => a.Kind == ActivityKind.Server && a.SpanId == span.ParentSpanId);
        Assert.Equal(span.TraceId, request.TraceId);
    }

    [Fact]
    public async Task ExportSpan_QueryError_CarriesCode3AndErrorStatus()
    {
        const string Query = "NoSuchLabelForTracing:x";
        var spans = new ActivityRecorder();
        await using var app = Traced(spans);
        app.InMemorySource.MarkSynced();

        using var response = await app.CreateClient().StartAsync("/v1/export/pods?query=" + Query);
        await response.BodyBytesAsync();
        var span = await spans.WaitForAsync(ExportSpanWithQuery(Query));

        Assert.Equal("invalid_query", span.GetTagItem(ExportTracing.OutcomeAttribute));
        Assert.Equal(3, span.GetTagItem(ExportTracing.CodeAttribute));
        Assert.Equal(0L, span.GetTagItem(ExportTracing.PodsAttribute));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Contains("NoSuchLabelForTracing", span.StatusDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestSpans_ProbesAndScrape_AreNotTraced()
    {
        var spans = new ActivityRecorder();
        await using var app = Traced(spans);
        app.InMemorySource.MarkSynced();
        var client = app.CreateClient();

        foreach (var path in new[] { "/healthz", "/readyz", TelemetryPaths.Metrics })
        {
            using var probe = await client.StartAsync(path);
            await probe.BodyBytesAsync();
        }

        // A traced request after the probes: by the time its spans are in, the probes' would be too.
        using (var export = await client.StartAsync("/v1/export/pods?query=Namespace%3Aafter-probes"))
        {
            await export.BodyBytesAsync();
        }

        var span = await spans.WaitForAsync(ExportSpanWithQuery("Namespace:after-probes"));
        await spans.WaitForAsync(a => a.Kind == ActivityKind.Server && a.SpanId == span.ParentSpanId);
        Assert.DoesNotContain(spans.Snapshot(), a => a.Kind == ActivityKind.Server && a.GetTagItem("url.path") is "/healthz" or "/readyz" or "/metrics");
    }

    [Theory]
    [InlineData("/healthz", false)]
    [InlineData("/readyz", false)]
    [InlineData("/metrics", false)]
    [InlineData("/METRICS", false)]
    [InlineData("/v1/export/pods", true)]
    [InlineData("/metrics/extra", true)]
    public void TracingFilter_Path_DropsOnlyProbesAndScrape(string path, bool traced)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Path = path;

        Assert.Equal(traced, TelemetryPaths.IsTraced(context));
    }
}
