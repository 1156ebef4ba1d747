using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_NotSynced_Returns200()
    {
        await using var app = new ExportApp();
        using var response = await app.CreateClient().StartAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Healthy\n", await response.BodyAsync());
    }

    [Fact]
    public async Task Readyz_NotSynced_Returns503WithRetryAfter()
    {
        await using var app = new ExportApp();
        using var response = await app.CreateClient().StartAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Header("Retry-After"));
        var body = await response.BodyAsync();
        Assert.StartsWith("Unhealthy\n", body);
        Assert.Contains("pods: Unhealthy - pod cache is not synchronized yet", body);
    }

    [Fact]
    public async Task Readyz_Synced_Returns200()
    {
        await using var app = ExportApp.Seeded([]);
        using var response = await app.CreateClient().StartAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Healthy\n", await response.BodyAsync());
        Assert.Null(response.Header("Retry-After"));
    }

    [Fact]
    public async Task Readyz_Degraded_Returns200NamingTheKinds()
    {
        await using var app = ExportApp.Seeded([]);
        app.InMemorySource.SetDegraded(["pods", "jobs"]);
        using var response = await app.CreateClient().StartAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.StartsWith("Degraded\n", body);
        Assert.Contains("informers: Degraded - informers disconnected: pods, jobs", body);
    }

    [Fact]
    public async Task Healthz_Degraded_StaysHealthy()
    {
        await using var app = ExportApp.Seeded([]);
        app.InMemorySource.SetDegraded(["pods"]);
        using var response = await app.CreateClient().StartAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Healthy\n", await response.BodyAsync());
    }

    [Fact]
    public async Task Readyz_ShutdownBegun_Returns503AtOnceWhileHealthzStays200()
    {
        var gate = new ShutdownGate();
        await using var app = new ExportApp(s => s.AddHostedService(_ => gate));
        app.InMemorySource.MarkSynced();
        var client = app.CreateClient();
        using (var before = await client.StartAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        app.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
        using var ready = await client.StartAsync("/readyz");
        using var live = await client.StartAsync("/healthz");
        gate.Open();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("shutdown: Unhealthy - server is shutting down", await ready.BodyAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
