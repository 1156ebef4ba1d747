using System.Net;
using PodExport.Model.Records;
using PodExport.Server.Tests.Auth;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Robustness;

/// <summary>
/// Hostile and malformed requests over real HTTP/1.1 to Kestrel with authentication on (service.md S-12, export-api
/// W-11): each gets its status (with a status body where the application answers), and a normal export works
/// right after.
/// </summary>
public sealed class BadInputBatteryTests(BadInputBatteryTests.Server server) : IClassFixture<BadInputBatteryTests.Server>
{
    private const string Token = "Authorization: Bearer b-reader";

    public static TheoryData<string, string, string[], int, string?> Cases()
    {
        var longName = "Pod%20Name:" + string.Concat(Enumerable.Repeat("%C3%A9", 2043)); // 4095 bytes decoded
        return new()
        {
            // W-11 order: no credentials is decided before the parameters.
            { "GET", "/v1/export/pods?query=%ZZ", [], 401, "\"code\":16,\"message\":\"authentication required\"" },
            { "GET", "/v1/export/pods?query=%ZZ", [Token], 400, "invalid URL escape \\\"%ZZ\\\"" },
            { "GET", "/v1/export/pods?query=%C3%28", [Token], 400, "invalid UTF-8 in URL query" },
            { "GET", "/v1/export/pods?x=%ff%fe&query=", [Token], 400, "invalid UTF-8 in URL query" },
            { "GET", "/v1/export/pods?query=%", [Token], 400, "invalid URL escape" },
            { "GET", "/v1/export/pods?timeout=abc", [Token], 400, "strconv.ParseInt: parsing \\\"abc\\\": invalid syntax" },
            { "GET", "/v1/export/pods?timeout=-5", [Token], 400, "invalid timeout -5" },
            { "GET", "/v1/export/pods?timeout=99999999999999999999", [Token], 400, "value out of range" },
            { "GET", "/v1/export/pods?query=a&query=b", [Token], 400, "too many values for field \\\"query\\\"" },
            { "GET", "/v1/export/pods?query=" + new string('a', 5000), [Token], 400, "query is too long: 5000 bytes of UTF-8, at most 4096 are allowed" },
            { "GET", "/v1/export/pods?query=" + longName, [Token], 200, null },
            { "GET", "/v1/export/pods?query=Namespace:%22alpha", [Token], 400, "\"code\":3,\"message\":\"invalid query: " },
            { "GET", "/v1/export/pods?query=Namspace:alpha", [Token], 400, "unknown label" },
            { "GET", "/v1/export/pods?query=Pod%20Name:r/(", [Token], 400, "\"code\":3,\"message\":\"invalid query: " },
            { "GET", "/v1/export/pods?query=:::", [Token], 400, "\"code\":3" },
            { "GET", "/v1/export/pods?query=" + string.Concat(Enumerable.Repeat("Namespace:a%2B", 250)), [Token], 200, null },
            { "GET", "/v1/export/pods?query=Pod%20Name:r/(a%2B)%2B$", [Token], 200, null },
            { "GET", "/v1/export/pods?query=Pod%20Name:r/^(a|aa)%2B$", [Token], 200, null },
            { "GET", "/v1/export/pods?query=Pod%20Name:r/(a*)*b", [Token], 200, null },
            { "GET", "/v1/export/pods?query=Pod%20Name:r/" + new string('(', 600) + new string(')', 600), [Token], 400, "\"code\":3" },
            { "POST", "/v1/export/pods", [Token], 405, "\"code\":12,\"message\":\"Method Not Allowed\"" },
            { "PUT", "/v1/export/pods", [Token], 405, "\"code\":12" },
            { "DELETE", "/v1/export/pods", [], 405, "\"code\":12" },
            { "PATCH", "/v1/export/pods", [Token], 405, "\"code\":12" },
            { "OPTIONS", "/v1/export/pods", [Token], 405, "\"code\":12" },
            { "GET", "/v1/export/pods/", [Token], 404, "\"code\":5,\"message\":\"Not Found\"" },
            { "GET", "/admin", [], 404, "\"code\":5" },
            { "GET", "/v1/export/pods/../../etc/passwd", [], 404, "\"code\":5" },
            { "GET", "/v1/export/%2e%2e/pods", [], 404, "\"code\":5" },
            { "BREW", "/v1/export/pods", [Token], 405, "\"code\":12" },

            // Kestrel answers these before the application runs, with its own empty bodies (S-12).
            { "GET", "/v1/export/pods", [Token, "X-Padding: " + new string('x', 40_000)], 431, "" },
            { "GET", "/v1/export/pods", [Token, .. Enumerable.Range(0, 200).Select(i => $"X-H{i}: {new string('y', 200)}")], 431, "" },
            { "GET", "/v1/export/pods?query=" + new string('a', 300_000), [Token], 414, "" },
            { "GET", "/v1/export/pods", [Token, "Bad Header Without Colon"], 400, "" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BadInput_GetsItsStatusAndTheServerStillExports(string method, string target, string[] headers, int status, string? body)
    {
        var exchange = await RawExchange.SendAsync(server.Address, RawExchange.Request(server.Address, method, target, headers));

        Assert.Equal(status, exchange.Status);
        if (status is 400 or 401 or 404 or 405 && body!.Length > 0)
        {
            Assert.Equal("application/json", exchange.Header("Content-Type"));
            Assert.Contains(body, exchange.Body, StringComparison.Ordinal);
        }

        if (status == 405)
        {
            Assert.Equal("GET", exchange.Header("Allow"));
        }

        if (status == 401)
        {
            Assert.Equal("Bearer", exchange.Header("WWW-Authenticate"));
        }

        await AssertNormalExportAsync();
    }

    [Fact]
    public async Task Request_PathologicalRegexOverALongName_AnswersWithoutBacktracking()
    {
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = HttpTestExtensions.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/export/pods?timeout=5&query=" + Uri.EscapeDataString("Pod Name:r/(a+)+$"));
        request.Headers.Authorization = new("Bearer", "b-reader");
        using var response = await client.SendAsync(request);

        // The long name ends in '!', so nothing matches; a backtracking engine would never finish.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    private async Task AssertNormalExportAsync()
    {
        using var client = new HttpClient { BaseAddress = server.Address, Timeout = HttpTestExtensions.Timeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/export/pods");
        request.Headers.Authorization = new("Bearer", "b-reader");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Server.Pods.Count, AuthBodies.Namespaces(await response.Content.ReadAsStringAsync()).Count);
    }

    public sealed class Server : IAsyncLifetime
    {
        private readonly string _tokens = Path.GetTempFileName();
        private ExportApp? _app;

        public static IReadOnlyList<PodRecord> Pods { get; } =
            [.. AuthCluster.Pods, TestPods.Make("alpha", new string('a', 50_000) + "!", 99)];

        public Uri Address { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(_tokens, "users:\n- token: b-reader\n  user: reader\n  allow: [\"*\"]\n");
            (_app, Address) = KestrelExportApp.Start(Pods, new()
            {
                ["Auth:Mode"] = "StaticTokens",
                ["Auth:StaticTokensFile"] = _tokens,
            });
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            File.Delete(_tokens);
        }
    }
}
