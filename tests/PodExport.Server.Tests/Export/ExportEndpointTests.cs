using System.IO.Compression;
using System.Net;
using System.Text;
using PodExport.Model.Json;
using PodExport.Server.Export;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Export;

/// <summary>Successful exports: headers, bytes, pretty, gzip (export-api §4).</summary>
public sealed class ExportEndpointTests
{
    [Fact]
    public async Task ExportEndpoint_SeededSource_SendsHeadersOfW13()
    {
        await using var app = ExportApp.Seeded([TestPods.Sample()]);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("no-store, no-cache", response.Header("Cache-Control"));
        Assert.Equal("Accept-Encoding", response.Header("Vary"));
        Assert.Equal("2024-05-01T10:00:00Z", response.Header(ExportHandler.ViewTimeHeader));
        Assert.Null(response.Header("Content-Encoding"));
        Assert.Null(response.Header(ExportHandler.DegradedHeader));
        Assert.Null(response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task ExportEndpoint_SpecSamplePod_WritesTheSampleLineExactly()
    {
        await using var app = ExportApp.Seeded([TestPods.Sample()]);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        Assert.Equal(Encoding.UTF8.GetBytes(TestPods.SampleLine), await response.BodyBytesAsync());
    }

    [Fact]
    public async Task ExportEndpoint_SeededSource_WritesEveryLineInExportOrder()
    {
        var pods = TestPods.Many(50);
        pods.Add(TestPods.Make("a", "z", 900));
        pods.Add(TestPods.Make("a", "B", 901)); // ordinal: upper case sorts first
        await using var app = ExportApp.Seeded(pods);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        var expected = pods.Order(Comparer<Model.Records.PodRecord>.Create(Model.Records.PodRecord.CompareExportOrder))
            .SelectMany(p => p.Line).ToArray();
        var body = await response.BodyBytesAsync();
        Assert.Equal(expected, body);
        Assert.StartsWith("{\"result\":{\"pod\":{\"id\":\"00000000-0000-4000-8000-000000000901\"", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task ExportEndpoint_EmptySource_Returns200WithEmptyBodyAndNoContentType()
    {
        await using var app = ExportApp.Seeded([]);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods", r => r.Headers.Add("Accept-Encoding", "gzip"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.BodyBytesAsync());
        Assert.Null(response.Header("Content-Type"));
        Assert.Null(response.Header("Content-Encoding"));
        Assert.Equal("no-store, no-cache", response.Header("Cache-Control"));
        Assert.Equal("Accept-Encoding", response.Header("Vary"));
        Assert.NotNull(response.Header(ExportHandler.ViewTimeHeader));
    }

    [Fact]
    public async Task ExportEndpoint_RepeatedExports_AreByteIdentical()
    {
        await using var app = ExportApp.Seeded(TestPods.Many(300));
        var client = app.CreateClient();
        using var first = await client.StartAsync("/v1/export/pods");
        using var second = await client.StartAsync("/v1/export/pods?timeout=60&unknown=1");

        var a = await first.BodyBytesAsync();
        Assert.Equal(300, a.Count(b => b == '\n'));
        Assert.Equal(a, await second.BodyBytesAsync());
    }

    [Theory]
    [InlineData("/v1/export/pods?pretty", null)]
    [InlineData("/v1/export/pods?pretty=false", null)]
    [InlineData("/v1/export/pods", "application/json+pretty")]
    public async Task ExportEndpoint_Pretty_WritesIndentedMessages(string uri, string? accept)
    {
        var pods = TestPods.Many(3);
        await using var app = ExportApp.Seeded(pods);
        using var response = await app.CreateClient().StartAsync(uri, r =>
        {
            if (accept is not null)
            {
                r.Headers.TryAddWithoutValidation("Accept", accept);
            }
        });

        var expected = string.Concat(pods.Select(p => Encoding.UTF8.GetString(PodJsonWriter.RenderPrettyLine(p.Pod))));
        var body = await response.BodyAsync();
        Assert.Equal(expected, body);
        Assert.StartsWith("{\n  \"result\": {\n    \"pod\": {\n      \"id\": ", body);
        Assert.Equal("application/json", response.Header("Content-Type"));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br, GZip;q=0.5")]
    public async Task ExportEndpoint_AcceptsGzip_CompressesTheWholeBody(string acceptEncoding)
    {
        var pods = TestPods.Many(400);
        await using var app = ExportApp.Seeded(pods);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));

        Assert.Equal("gzip", response.Header("Content-Encoding"));
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("Accept-Encoding", response.Header("Vary"));
        var compressed = await response.BodyBytesAsync();
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        var expected = pods.OrderBy(p => p, Comparer<Model.Records.PodRecord>.Create(Model.Records.PodRecord.CompareExportOrder)).SelectMany(p => p.Line).ToArray();
        Assert.Equal(expected, plain.ToArray());
        Assert.True(compressed.Length < expected.Length / 2);
    }

    [Theory]
    [InlineData("gzip;q=0")]
    [InlineData("*")]
    [InlineData("deflate")]
    public async Task ExportEndpoint_GzipNotAccepted_SendsPlainBody(string acceptEncoding)
    {
        await using var app = ExportApp.Seeded([TestPods.Sample()]);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods", r => r.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding));

        Assert.Null(response.Header("Content-Encoding"));
        Assert.Equal(TestPods.SampleLine, await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_Gzip_FirstLineDecompressesBeforeTheEnd()
    {
        var list = new ObservedPodList(TestPods.Many(20));
        list.BlockAt(1);
        await using var app = ExportApp.Over(list);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods", r => r.Headers.Add("Accept-Encoding", "gzip"));
        Assert.Equal("gzip", response.Header("Content-Encoding"));

        // The server is held before the second pod: only a sync flush lets the first line through now.
        using var reader = new StreamReader(new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress));
        var first = await reader.ReadLineWithTimeoutAsync();
        Assert.Equal(Encoding.UTF8.GetString(list[0].Line).TrimEnd('\n'), first);
        Assert.Equal(1, list.Highest);

        list.Release();
        var rest = await reader.ReadToEndAsync();
        Assert.Equal(19, rest.Count(c => c == '\n'));
    }

    [Fact]
    public async Task ExportEndpoint_FirstLine_ArrivesWhileTheSourceIsStillOpen()
    {
        var list = new ObservedPodList(TestPods.Many(5));
        list.BlockAt(1);
        await using var app = ExportApp.Over(list);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(Encoding.UTF8.GetString(list[0].Line).TrimEnd('\n'), await reader.ReadLineWithTimeoutAsync());
        list.Release();
        Assert.Equal(4, (await reader.ReadToEndAsync()).Count(c => c == '\n'));
    }

    [Fact]
    public async Task ExportEndpoint_Degraded_SendsTheKindsHeader()
    {
        await using var app = ExportApp.Seeded([TestPods.Sample()]);
        app.InMemorySource.SetDegraded(["pods", "replicasets"]);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pods,replicasets", response.Header(ExportHandler.DegradedHeader));
    }

    [Fact]
    public async Task ExportEndpoint_ViewTime_IsTheSnapshotTime()
    {
        await using var app = ExportApp.Seeded([]);
        app.Time.Advance(TimeSpan.FromMilliseconds(1250.5));
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        Assert.Equal("2024-05-01T10:00:01.2505Z", response.Header(ExportHandler.ViewTimeHeader));
    }
}
