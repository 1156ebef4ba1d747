using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Auth;

/// <summary><c>/metrics</c> open or protected by <c>Auth:ProtectMetrics</c>; health always open (service.md S-2, S-9).</summary>
public sealed class MetricsProtectionTests : IDisposable
{
    private readonly string _tokens = Path.GetTempFileName();

    public MetricsProtectionTests() =>
        File.WriteAllText(_tokens, "users:\n- token: m-scraper\n  user: prometheus\n");

    public void Dispose() => File.Delete(_tokens);

    [Theory]
    [InlineData("false", null, HttpStatusCode.OK)]
    [InlineData("true", null, HttpStatusCode.Unauthorized)]
    [InlineData("true", "m-wrong", HttpStatusCode.Unauthorized)]
    [InlineData("true", "m-scraper", HttpStatusCode.OK)]
    public async Task Metrics_ProtectMetricsSetting_DecidesWhetherATokenIsNeeded(string protect, string? token, HttpStatusCode expected)
    {
        await using var app = await StartAsync(protect, map => map.MapGet("/metrics", () => "metrics").RequirePodExportAuthForMetrics());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await app.GetTestClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.StartsWith("{\"error\":{\"code\":16,", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task RequirePodExportAuth_NoToken_Returns401WhateverProtectMetricsSays()
    {
        await using var app = await StartAsync("false", map => map.MapGet("/admin", () => "admin").RequirePodExportAuth());

        using var response = await app.GetTestClient().GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_StaticTokensAndProtectedMetrics_StaysOpen(string path)
    {
        await using var app = ExportApp.Seeded([], new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "StaticTokens",
            ["Auth:StaticTokensFile"] = _tokens,
            ["Auth:ProtectMetrics"] = "true",
        });

        using var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<WebApplication> StartAsync(string protect, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration["Auth:Mode"] = "StaticTokens";
        builder.Configuration["Auth:StaticTokensFile"] = _tokens;
        builder.Configuration["Auth:ProtectMetrics"] = protect;
        builder.Services.AddPodExportAuth(builder.Configuration);
        builder.Services.AddPodExportInMemorySource();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
