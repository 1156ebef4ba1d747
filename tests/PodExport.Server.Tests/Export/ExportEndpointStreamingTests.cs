using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using PodExport.Model.Records;
using PodExport.Model.Wire;
using PodExport.Server.Export;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Export;

/// <summary>What happens while a body streams: deadlines, disconnects, slow readers, failures, shutdown (export-api §5, §6).</summary>
public sealed class ExportEndpointStreamingTests
{
    private const string ClientDeadlineLine =
        "{\"error\":{\"code\":4,\"message\":\"context deadline exceeded: export did not finish within 30s (timeout parameter)\",\"details\":[]}}";

    [Fact]
    public async Task ExportEndpoint_DeadlineBeforeFirstLine_Returns504StreamForm()
    {
        var list = new ObservedPodList(TestPods.Many(3));
        list.BlockAt(0);
        await using var app = ExportApp.Over(list);
        var pending = app.CreateClient().StartAsync("/v1/export/pods?timeout=30");
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        app.Time.Advance(TimeSpan.FromSeconds(30));
        list.Release();
        using var response = await pending;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("no-store, no-cache", response.Header("Cache-Control"));
        Assert.Equal(ClientDeadlineLine + "\n", await response.BodyAsync());
        Assert.Equal(0, list.Highest);
    }

    [Fact]
    public async Task ExportEndpoint_DeadlineNotYetReached_Completes()
    {
        var list = new ObservedPodList(TestPods.Many(3));
        list.BlockAt(0);
        await using var app = ExportApp.Over(list);
        var pending = app.CreateClient().StartAsync("/v1/export/pods?timeout=30");
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        app.Time.Advance(TimeSpan.FromSeconds(29));
        list.Release();
        using var response = await pending;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.BodyAsync()).Count(c => c == '\n'));
    }

    [Fact]
    public async Task ExportEndpoint_DeadlineAfterFirstLine_EndsWithErrorLine()
    {
        var list = new ObservedPodList(TestPods.Many(5));
        list.BlockAt(2);
        await using var app = ExportApp.Over(list);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods?timeout=30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.StartsWith("{\"result\":", await reader.ReadLineWithTimeoutAsync());
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        app.Time.Advance(TimeSpan.FromSeconds(30));
        list.Release();

        // Pod 1 was written before the deadline; pod 2 was read but is never written.
        Assert.Equal(Encoding.UTF8.GetString(list[1].Line).TrimEnd('\n'), await reader.ReadLineWithTimeoutAsync());
        Assert.Equal(ClientDeadlineLine, await reader.ReadLineWithTimeoutAsync());
        Assert.Null(await reader.ReadLineWithTimeoutAsync());
        Assert.Equal(2, list.Highest);
    }

    [Fact]
    public async Task ExportEndpoint_DeadlineAfterLastLine_CompletesNormally()
    {
        // The last pod of the view is in a namespace the caller cannot see: no pod line follows the expiry.
        var access = TestAccess.Fixed("alice", AuthorizationResult.Success(NamespaceScope.Only(["a"])));
        var list = new ObservedPodList([TestPods.Make("a", "x", 1), TestPods.Make("a", "y", 2), TestPods.Make("z", "hidden", 3)]);
        list.BlockAt(2);
        await using var app = ExportApp.Over(list, configureServices: s => s.AddSingleton(access));
        using var response = await app.CreateClient().StartAsync("/v1/export/pods?timeout=30");
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        app.Time.Advance(TimeSpan.FromSeconds(30));
        list.Release();

        Assert.Equal(list[0].Line.Concat(list[1].Line).ToArray(), await response.BodyBytesAsync());
    }

    [Fact]
    public async Task ExportEndpoint_ServerMaximum_AppliesWithoutTimeoutAndIsNamed()
    {
        var list = new ObservedPodList(TestPods.Many(3));
        list.BlockAt(0);
        await using var app = ExportApp.Over(list, new Dictionary<string, string?> { ["Export:MaxExportDurationSeconds"] = "10" });
        var pending = app.CreateClient().StartAsync("/v1/export/pods?timeout=11");
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        app.Time.Advance(TimeSpan.FromSeconds(10));
        list.Release();
        using var response = await pending;

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(
            "{\"error\":{\"code\":4,\"message\":\"context deadline exceeded: export did not finish within 10s (server maximum)\",\"details\":[]}}\n",
            await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_DeadlineWhileWriteBlocked_AbortsTheResponse()
    {
        // One line larger than the response pipe (64 KB): its flush waits for a client that never reads.
        var huge = new PodRecord(new Pod { Id = "big", Name = new string('x', 100_000), Namespace = "a" }, new PodAttributes());
        var list = new ObservedPodList([huge, TestPods.Make("b", "small")]);
        await using var app = ExportApp.Over(list);
        var requests = app.CollectRequests();
        using var response = await app.CreateClient().StartAsync("/v1/export/pods?timeout=30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        app.Time.Advance(TimeSpan.FromSeconds(30));

        // Should the deadline win the race with the flush, the error line's own flush blocks and times out instead.
        app.Time.Advance(TimeSpan.FromSeconds(5));
        await requests.WaitForMeasurementsAsync(1, HttpTestExtensions.Timeout);

        Assert.Equal(4L, requests.LastMeasurement?.Tags["code"] is int code ? code : -1);
        var body = await response.Content.ReadAsStreamAsync();
        await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null));
        Assert.Equal(0, list.Highest);
    }

    [Fact]
    public async Task ExportEndpoint_ClientDisconnects_StopsReadingTheSnapshot()
    {
        var list = new ObservedPodList(TestPods.Many(200));
        list.BlockAt(5);
        await using var app = ExportApp.Over(list);
        var requests = app.CollectRequests();
        var response = await app.CreateClient().StartAsync("/v1/export/pods");
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.StartsWith("{\"result\":", await reader.ReadLineWithTimeoutAsync());
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        reader.Dispose();
        response.Dispose();
        list.Release();
        await requests.WaitForMeasurementsAsync(1, HttpTestExtensions.Timeout);

        Assert.Equal(5, list.Highest);
        var measurement = requests.LastMeasurement!;
        Assert.Equal("canceled", measurement.Tags["outcome"]);
        Assert.Equal(1, measurement.Tags["code"]);
    }

    [Fact]
    public async Task ExportEndpoint_SlowReader_ReadAheadIsBoundedByBackpressure()
    {
        var pods = TestPods.Many(3000);
        var lineLength = pods[0].Line.Length;
        Assert.All(pods, p => Assert.Equal(lineLength, p.Line.Length));
        var list = new ObservedPodList(pods.Order(Comparer<PodRecord>.Create(PodRecord.CompareExportOrder)).ToList());
        await using var app = ExportApp.Over(list);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), bufferSize: 1024);

        // Pipe (64 KB) + one unflushed batch (32 KB) + reader buffers: far below the 1.9 MB of the whole export.
        var bound = ((64 + 32 + 16) * 1024 / lineLength) + 2;
        var worst = 0;
        for (var read = 0; read < pods.Count; read++)
        {
            Assert.NotNull(await reader.ReadLineWithTimeoutAsync());
            worst = Math.Max(worst, list.Highest - read);
            Assert.True(list.Highest - read <= bound, $"the server read {list.Highest - read} pods ahead of the client after line {read}; bound {bound}");
        }

        Assert.Null(await reader.ReadLineWithTimeoutAsync());
        Assert.Equal(pods.Count - 1, list.Highest);
        Assert.True(bound * 10 < pods.Count);
    }

    [Fact]
    public async Task ExportEndpoint_FailureBeforeFirstLine_Returns500InternalError()
    {
        var list = new ObservedPodList(TestPods.Many(3));
        list.ThrowAt(0);
        await using var app = ExportApp.Over(list);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("{\"error\":{\"code\":13,\"message\":\"internal error\",\"details\":[]}}\n", await response.BodyAsync());
        var logged = app.Logs.GetSnapshot().Single(r => r.Id.Id == 1002);
        Assert.Equal("the pod list failed on purpose", logged.Exception?.Message);
    }

    [Fact]
    public async Task ExportEndpoint_FailureAfterFirstLine_EndsWithInternalErrorLine()
    {
        var list = new ObservedPodList(TestPods.Many(3));
        list.ThrowAt(2);
        await using var app = ExportApp.Over(list);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods", r => r.Headers.Add("Accept-Encoding", "gzip"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        var lines = (await new StreamReader(gzip).ReadToEndAsync()).Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("{\"result\":", lines[1]);
        Assert.Equal("{\"error\":{\"code\":13,\"message\":\"internal error\",\"details\":[]}}", lines[2]);
        Assert.Equal("", lines[3]);
    }

    [Fact]
    public async Task ExportEndpoint_Shutdown_DrainsThenEndsRunningExportWithCode14()
    {
        var list = new ObservedPodList(TestPods.Many(4));
        list.BlockAt(1);
        var gate = new ShutdownGate();
        await using var app = ExportApp.Over(list, configureServices: s => s.AddHostedService(_ => gate));
        var client = app.CreateClient();
        using var running = await client.StartAsync("/v1/export/pods");
        using var reader = new StreamReader(await running.Content.ReadAsStreamAsync());
        Assert.StartsWith("{\"result\":", await reader.ReadLineWithTimeoutAsync());
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        using var ready = await client.StartAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var refused = await client.StartAsync("/v1/export/pods");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Header("Retry-After"));
        Assert.Equal("{\"error\":{\"code\":14,\"message\":\"server is shutting down\",\"details\":[]}}\n", await refused.BodyAsync());

        app.Time.Advance(TimeSpan.FromSeconds(20));
        list.Release();

        Assert.Equal("{\"error\":{\"code\":14,\"message\":\"server is shutting down\",\"details\":[]}}", await reader.ReadLineWithTimeoutAsync());
        Assert.Null(await reader.ReadLineWithTimeoutAsync());
        Assert.Equal(1, list.Highest);
        gate.Open();
    }

    [Fact]
    public async Task ExportEndpoint_ShutdownDrainNotOver_LetsRunningExportFinish()
    {
        var list = new ObservedPodList(TestPods.Many(4));
        list.BlockAt(1);
        await using var app = ExportApp.Over(list);
        using var running = await app.CreateClient().StartAsync("/v1/export/pods");
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        app.Time.Advance(TimeSpan.FromSeconds(19));
        list.Release();

        var body = await running.BodyAsync();
        Assert.Equal(4, body.Count(c => c == '\n'));
        Assert.DoesNotContain("error", body);
    }

    [Fact]
    public async Task ExportEndpoint_FinishedExport_LogsOneLineAndRecordsMetrics()
    {
        await using var app = ExportApp.Seeded(TestPods.Many(7));
        var requests = app.CollectRequests();
        using var pods = new MetricCollector<long>(
            app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "PodExport", "podexport.export.pods");
        using var response = await app.CreateClient().StartAsync("/v1/export/pods?timeout=60");
        var body = await response.BodyBytesAsync();
        await requests.WaitForMeasurementsAsync(1, HttpTestExtensions.Timeout);

        var record = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Id == 1001);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, record.Level);
        var state = record.StructuredState!.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("anonymous", state["Caller"]);
        Assert.Equal("", state["Query"]);
        Assert.Equal("3", state["NamespaceCount"]);
        Assert.Equal("7", state["Pods"]);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), state["Bytes"]);
        Assert.Equal("0", state["Code"]);
        Assert.Equal("ok", requests.LastMeasurement!.Tags["outcome"]);
        Assert.Equal(7, pods.GetMeasurementSnapshot().EvaluateAsCounter());
    }
}
