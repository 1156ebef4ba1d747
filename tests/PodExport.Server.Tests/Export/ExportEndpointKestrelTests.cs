using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Export;

/// <summary>What only a real Kestrel shows: HTTP/1.1 framing, the raw query string, the minimum data rate (S-11).</summary>
public sealed class ExportEndpointKestrelTests
{
    [Fact]
    public async Task ExportEndpoint_OnKestrel_StreamsChunkedWithoutContentLength()
    {
        await using var app = StartKestrel(TestPods.Many(3));
        var response = await RawHttp.GetAsync(app.ClientOptions.BaseAddress, "/v1/export/pods");

        var head = RawHttp.Head(response);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head);
        Assert.Contains("\r\nTransfer-Encoding: chunked", head);
        Assert.Contains("\r\nContent-Type: application/json\r\n", head + "\r\n");
        Assert.DoesNotContain("Content-Length", head);
    }

    [Fact]
    public async Task ExportEndpoint_EmptyOnKestrel_IsStreamedWithoutContentLengthOrType()
    {
        await using var app = StartKestrel([]);
        var response = await RawHttp.GetAsync(app.ClientOptions.BaseAddress, "/v1/export/pods");

        var head = RawHttp.Head(response);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head);
        Assert.DoesNotContain("Content-Length", head);
        Assert.DoesNotContain("Content-Type", head);
        Assert.EndsWith("\r\n\r\n0\r\n\r\n", response);
    }

    [Theory]
    [InlineData("/v1/export/pods?query=%zz", "invalid URL escape \\\"%zz\\\"")]
    [InlineData("/v1/export/pods?timeout=%C3%28", "invalid UTF-8 in URL query: \\\"timeout=%C3%28\\\" does not decode to valid UTF-8")]
    public async Task ExportEndpoint_RawQueryOnKestrel_IsCheckedAsSent(string target, string jsonMessage)
    {
        await using var app = StartKestrel([]);
        var response = await RawHttp.GetAsync(app.ClientOptions.BaseAddress, target);

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", response);
        Assert.EndsWith($$"""{"code":3,"message":"{{jsonMessage}}","details":[],"error":"{{jsonMessage}}"}""", response);
    }

    [Fact]
    public async Task ExportEndpoint_ReaderBelowMinimumRate_IsDisconnectedByKestrel()
    {
        // About 14 MB, more than loopback socket buffers hold, for a reader that reads nothing: Kestrel cuts it off
        // once a write has waited past the 5 s grace period (real time; the rate is set high by the test).
        await using var app = StartKestrel(Enumerable.Repeat(TestPods.Sample(), 20_000), new() { ["Export:MinResponseDataRateBytesPerSecond"] = "100000000" });
        var requests = app.CollectRequests();
        using var cts = new CancellationTokenSource(HttpTestExtensions.Timeout);
        using var socket = await RawHttp.ConnectAsync(app.ClientOptions.BaseAddress, "/v1/export/pods", [], cts.Token, receiveBufferSize: 4096);

        await requests.WaitForMeasurementsAsync(1, HttpTestExtensions.Timeout);

        Assert.Equal("canceled", requests.LastMeasurement!.Tags["outcome"]);
    }

    private static ExportApp StartKestrel(IEnumerable<Model.Records.PodRecord> pods, Dictionary<string, string?>? settings = null)
    {
        var app = new ExportApp(settings: settings);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        app.InMemorySource.Set(pods);
        app.InMemorySource.MarkSynced();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        app.ClientOptions.BaseAddress = new Uri(address);
        return app;
    }
}
