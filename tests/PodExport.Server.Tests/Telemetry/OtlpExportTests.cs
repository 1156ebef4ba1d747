using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Telemetry;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, traces and metrics are pushed over OTLP (OPERATIONS.md §3).</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Otlp_EndpointSet_PushesTracesAndMetrics()
    {
        await using var collector = await FakeCollector.StartAsync();
        await using var app = new ExportApp(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Address,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        app.InMemorySource.Set(TestPods.Many(2));
        app.InMemorySource.MarkSynced();
        using (var export = await app.CreateClient().StartAsync("/v1/export/pods"))
        {
            await export.BodyBytesAsync();
        }

        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));

        // False whatever OTLP does: the Prometheus reader is pull-only and cannot be flushed.
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);

        await collector.Traces.WaitAsync(HttpTestExtensions.Timeout);
        await collector.Metrics.WaitAsync(HttpTestExtensions.Timeout);
    }

    /// <summary>An OTLP/HTTP receiver on loopback that only notes which signals arrived.</summary>
    private sealed class FakeCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly TaskCompletionSource _traces = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _metrics = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private FakeCollector(WebApplication app) => _app = app;

        public string Address { get; private set; } = "";

        public Task Traces => _traces.Task;

        public Task Metrics => _metrics.Task;

        public static async Task<FakeCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var collector = new FakeCollector(app);
            app.MapPost("/v1/traces", () => { collector._traces.TrySetResult(); return Results.Ok(); });
            app.MapPost("/v1/metrics", () => { collector._metrics.TrySetResult(); return Results.Ok(); });
            await app.StartAsync();
            collector.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
