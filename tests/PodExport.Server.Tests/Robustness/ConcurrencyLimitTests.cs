using System.Net;
using PodExport.Server.Tests.Auth;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Robustness;

/// <summary>
/// <c>Export:MaxConcurrentExports</c> and <c>…PerCaller</c> through HTTP with real callers (service.md S-10): the
/// 429 comes exactly at the first export over a limit, and goes once an export ends.
/// </summary>
public sealed class ConcurrencyLimitTests : IDisposable
{
    private readonly string _tokens = Path.GetTempFileName();

    public ConcurrencyLimitTests() => File.WriteAllText(_tokens, """
        users:
        - token: c-ann
          user: ann
          allow: ["*"]
        - token: c-bob
          user: bob
          allow: ["*"]
        """);

    public void Dispose() => File.Delete(_tokens);

    [Fact]
    public async Task Export_OverTheLimits_Gets429ExactlyThenAgain200()
    {
        // Every export holds its lease while it waits at the second pod; the first line is out, so its 200 is seen.
        var pods = new ObservedPodList(AuthCluster.Pods);
        pods.BlockAt(1);
        await using var app = ExportApp.Over(pods, new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "StaticTokens",
            ["Auth:StaticTokensFile"] = _tokens,
            ["Export:MaxConcurrentExports"] = "3",
            ["Export:MaxConcurrentExportsPerCaller"] = "2",
        });
        var client = app.CreateClient();
        var running = new List<HttpResponseMessage>();
        try
        {
            running.Add(await ExpectAsync(client, "c-ann", HttpStatusCode.OK));
            running.Add(await ExpectAsync(client, "c-ann", HttpStatusCode.OK));
            using (var annThird = await ExpectAsync(client, "c-ann", HttpStatusCode.TooManyRequests))
            {
                Assert.Equal("1", annThird.Header("Retry-After"));
                Assert.Equal(AuthBodies.StreamError(8, "too many concurrent exports for this caller, retry later"), await annThird.BodyAsync());
            }

            running.Add(await ExpectAsync(client, "c-bob", HttpStatusCode.OK));
            using (var bobSecond = await ExpectAsync(client, "c-bob", HttpStatusCode.TooManyRequests))
            {
                Assert.Equal("1", bobSecond.Header("Retry-After"));
                Assert.Equal(AuthBodies.StreamError(8, "too many concurrent exports, retry later"), await bobSecond.BodyAsync());
            }

            pods.Release();
            foreach (var response in running)
            {
                Assert.Equal(AuthCluster.Pods.Count, AuthBodies.Namespaces(await response.BodyAsync()).Count);
            }
        }
        finally
        {
            pods.Release();
            running.ForEach(r => r.Dispose());
        }

        // Leases are returned when the exports end; the very next export runs.
        using var after = await ExpectAsync(client, "c-bob", HttpStatusCode.OK);
        Assert.Equal(AuthCluster.Pods.Count, AuthBodies.Namespaces(await after.BodyAsync()).Count);
    }

    [Fact]
    public async Task Export_RejectedByTheLimit_IsStillAuthenticatedFirst()
    {
        var pods = new ObservedPodList(AuthCluster.Pods);
        pods.BlockAt(1);
        await using var app = ExportApp.Over(pods, new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "StaticTokens",
            ["Auth:StaticTokensFile"] = _tokens,
            ["Export:MaxConcurrentExports"] = "1",
            ["Export:MaxConcurrentExportsPerCaller"] = "1",
        });
        var client = app.CreateClient();
        using var first = await ExpectAsync(client, "c-ann", HttpStatusCode.OK);
        try
        {
            // S-10: limits come after authentication, so a stranger learns nothing about the load.
            using var stranger = await ExpectAsync(client, "c-unknown", HttpStatusCode.Unauthorized);
        }
        finally
        {
            pods.Release();
        }
    }

    private static async Task<HttpResponseMessage> ExpectAsync(HttpClient client, string token, HttpStatusCode status)
    {
        var response = await client.StartAsync("/v1/export/pods", r => r.Headers.Authorization = new("Bearer", token));
        Assert.Equal(status, response.StatusCode);
        return response;
    }
}
