using System.Net;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Export;

/// <summary>Refusals before any pod: routing, parameters, readiness (export-api §1, §2, §3, §5).</summary>
public sealed class ExportEndpointErrorTests : IClassFixture<ExportEndpointErrorTests.SeededApp>
{
    private readonly ExportApp _app;
    private readonly HttpClient _client;

    public ExportEndpointErrorTests(SeededApp app)
    {
        _app = app.App;
        _client = app.App.CreateClient();
    }

    [Theory]
    [InlineData("?query=%zz", "invalid URL escape \\\"%zz\\\"")]
    [InlineData("?query=%", "invalid URL escape \\\"%\\\"")]
    [InlineData("?query=%4", "invalid URL escape \\\"%4\\\"")]
    [InlineData("?other=%zz&query=%", "invalid URL escape \\\"%zz\\\"")]
    [InlineData("?pretty=%ZZ%", "invalid URL escape \\\"%ZZ\\\"")]
    public async Task ExportEndpoint_BadEscape_Returns400ParameterForm(string rawQuery, string jsonMessage)
    {
        var (status, headers, body) = await _app.SendRawAsync("/v1/export/pods", rawQuery);

        Assert.Equal(400, status);
        Assert.Equal("application/json", headers.ContentType);
        Assert.Equal("no-store, no-cache", headers.CacheControl);
        Assert.Equal($$"""{"code":3,"message":"{{jsonMessage}}","details":[],"error":"{{jsonMessage}}"}""", body);
    }

    [Theory]
    [InlineData("/v1/export/pods?timeout=1&timeout=2", "too many values for field \\\"timeout\\\": 1, 2")]
    [InlineData("/v1/export/pods?query=a&query=b", "too many values for field \\\"query\\\": a, b")]
    [InlineData("/v1/export/pods?timeout=abc", "parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\"abc\\\": invalid syntax")]
    [InlineData("/v1/export/pods?timeout=", "parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\"\\\": invalid syntax")]
    [InlineData("/v1/export/pods?timeout=%201", "parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\" 1\\\": invalid syntax")]
    [InlineData("/v1/export/pods?timeout=1.5", "parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\"1.5\\\": invalid syntax")]
    [InlineData("/v1/export/pods?timeout=1e3", "parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\"1e3\\\": invalid syntax")]
    [InlineData("/v1/export/pods?timeout=0x10", "parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\"0x10\\\": invalid syntax")]
    [InlineData("/v1/export/pods?timeout=99999999999", "parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\"99999999999\\\": value out of range")]
    [InlineData("/v1/export/pods?timeout=-5", "invalid timeout -5: must be 0 (no deadline) or a positive number of seconds")]
    public async Task ExportEndpoint_BadParameter_Returns400ParameterForm(string uri, string jsonMessage)
    {
        using var response = await _client.StartAsync(uri);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("no-store, no-cache", response.Header("Cache-Control"));
        Assert.Equal("Accept-Encoding", response.Header("Vary"));
        Assert.Equal($$"""{"code":3,"message":"{{jsonMessage}}","details":[],"error":"{{jsonMessage}}"}""", await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_InvalidUtf8_Returns400ParameterForm()
    {
        using var response = await _client.StartAsync("/v1/export/pods?query=%C3%28");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.StartsWith("{\"code\":3,\"message\":\"invalid UTF-8 in URL query: \\\"query=%C3%28\\\"", body);
        Assert.EndsWith("\"}", body);
    }

    [Fact]
    public async Task ExportEndpoint_QueryOverMaxQueryBytes_Returns400ParameterForm()
    {
        using var response = await _client.StartAsync("/v1/export/pods?query=" + new string('a', 4097));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            """{"code":3,"message":"query is too long: 4097 bytes of UTF-8, at most 4096 are allowed","details":[],"error":"query is too long: 4097 bytes of UTF-8, at most 4096 are allowed"}""",
            await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_BadParameterWithPretty_IndentsTheParameterError()
    {
        using var response = await _client.StartAsync("/v1/export/pods?pretty&timeout=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            "{\n  \"code\": 3,\n  \"message\": \"parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\"x\\\": invalid syntax\",\n  \"details\": [],\n  \"error\": \"parsing field \\\"timeout\\\": strconv.ParseInt: parsing \\\"x\\\": invalid syntax\"\n}",
            await response.BodyAsync());
    }

    [Theory]
    [InlineData("/v1/export/pods/")]
    [InlineData("/V1/export/pods")]
    [InlineData("/v1/export/Pods")]
    [InlineData("/v1/export")]
    [InlineData("/v1/export/pods/extra")]
    [InlineData("/")]
    [InlineData("/favicon.ico")]
    public async Task ExportEndpoint_OtherPath_Returns404ParameterForm(string uri)
    {
        using var response = await _client.StartAsync(uri);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("""{"code":5,"message":"Not Found","details":[],"error":"Not Found"}""", await response.BodyAsync());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    public async Task ExportEndpoint_OtherMethod_Returns405WithAllow(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/v1/export/pods?timeout=abc");
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("query", "")]);
        }

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET", response.Header("Allow"));
        Assert.Equal("no-store, no-cache", response.Header("Cache-Control"));
        Assert.Equal("""{"code":12,"message":"Method Not Allowed","details":[],"error":"Method Not Allowed"}""", await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_Head_Returns405WithoutBody()
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v1/export/pods"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET", response.Header("Allow"));
        Assert.Empty(await response.BodyBytesAsync());
    }

    [Fact]
    public async Task ExportEndpoint_MalformedQuery_Returns400StreamFormWithPosition()
    {
        using var response = await _client.StartAsync("/v1/export/pods?query=Namspace%3Ajobs");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Header("Content-Type"));
        var body = await response.BodyAsync();
        Assert.StartsWith("{\"error\":{\"code\":3,\"message\":\"invalid query: unknown label \\\"Namspace\\\" at position 1; did you mean \\\"Namespace\\\"?", body);
        Assert.EndsWith("\"details\":[]}}\n", body);
    }

    [Fact]
    public async Task ExportEndpoint_QueryMatchingThePod_StreamsIt()
    {
        using var response = await _client.StartAsync("/v1/export/pods?query=Namespace%3Ajobs%2BPod%20Name%3Areport");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestPods.SampleLine, await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_QueryMatchingNothing_Returns200EmptyBody()
    {
        using var response = await _client.StartAsync("/v1/export/pods?query=Namespace%3Ajobs+Pod%20Name%3A%22report%22");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Equal("", await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_UnknownParameters_AreIgnored()
    {
        using var response = await _client.StartAsync("/v1/export/pods?Timeout=abc&q=1&limit=%20&Query=x&query=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TestPods.SampleLine, await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_SemicolonInQuery_IsNotAParameterError()
    {
        using var response = await _client.StartAsync("/v1/export/pods?other=a;b&timeout=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed class SeededApp : IAsyncLifetime
    {
        public ExportApp App { get; } = ExportApp.Seeded([TestPods.Sample()]);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
