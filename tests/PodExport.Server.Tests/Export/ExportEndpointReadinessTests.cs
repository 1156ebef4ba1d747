using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using PodExport.Model.Wire;
using PodExport.Server.Export;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Export;

/// <summary>Steps 2, 4 and 6 of export-api W-11: access, limits, readiness.</summary>
public sealed class ExportEndpointReadinessTests
{
    [Fact]
    public async Task ExportEndpoint_NotSynced_Returns503StreamFormWithRetryAfter()
    {
        await using var app = new ExportApp();
        app.InMemorySource.Set([TestPods.Sample()]);
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Header("Retry-After"));
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("no-store, no-cache", response.Header("Cache-Control"));
        Assert.Equal(
            "{\"error\":{\"code\":14,\"message\":\"pod cache is not synchronized yet\",\"details\":[]}}\n",
            await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_NotSyncedButBadParameter_ReportsTheParameterFirst()
    {
        await using var app = new ExportApp();
        using var response = await app.CreateClient().StartAsync("/v1/export/pods?timeout=-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ExportEndpoint_NotSyncedWithPretty_IndentsTheErrorLine()
    {
        await using var app = new ExportApp();
        using var response = await app.CreateClient().StartAsync("/v1/export/pods?pretty");

        Assert.Equal(
            "{\n  \"error\": {\n    \"code\": 14,\n    \"message\": \"pod cache is not synchronized yet\",\n    \"details\": []\n  }\n}\n",
            await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_AuthenticationFails_WritesStreamFormBeforeParameters()
    {
        var access = new Mock<IExportAccess>();
        access.Setup(a => a.AuthenticateAsync(It.IsAny<HttpContext>(), It.IsAny<CancellationToken>()))
            .Returns<HttpContext, CancellationToken>((context, _) =>
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return ValueTask.FromResult(AuthenticationResult.Failure(new RpcStatus(RpcCode.Unauthenticated, "authentication required")));
            });
        await using var app = new ExportApp(s => s.AddSingleton(access.Object));
        app.InMemorySource.MarkSynced();
        using var response = await app.CreateClient().StartAsync("/v1/export/pods?timeout=abc");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Header("WWW-Authenticate"));
        Assert.Equal("{\"error\":{\"code\":16,\"message\":\"authentication required\",\"details\":[]}}\n", await response.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_AuthorizationScope_LimitsThePods()
    {
        var access = TestAccess.Fixed("alice", AuthorizationResult.Success(NamespaceScope.Only(["ns-1"])));
        var pods = TestPods.Many(9);
        await using var app = new ExportApp(s => s.AddSingleton(access));
        app.InMemorySource.Set(pods);
        app.InMemorySource.MarkSynced();
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        var expected = pods.Where(p => p.Namespace == "ns-1").SelectMany(p => p.Line).ToArray();
        Assert.Equal(expected, await response.BodyBytesAsync());
    }

    [Fact]
    public async Task ExportEndpoint_AuthorizationDenied_Returns403AfterParameters()
    {
        var access = TestAccess.Fixed("bob", AuthorizationResult.Failure(new RpcStatus(RpcCode.PermissionDenied, "permission denied: may not list pods in any namespace")));
        await using var app = new ExportApp(s => s.AddSingleton(access));
        var client = app.CreateClient();

        using var bad = await client.StartAsync("/v1/export/pods?timeout=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var denied = await client.StartAsync("/v1/export/pods?query=Namespace:x");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(
            "{\"error\":{\"code\":7,\"message\":\"permission denied: may not list pods in any namespace\",\"details\":[]}}\n",
            await denied.BodyAsync());
    }

    [Fact]
    public async Task ExportEndpoint_OverConcurrencyLimit_Returns429WithRetryAfter()
    {
        var list = new ObservedPodList(TestPods.Many(3));
        list.BlockAt(1);
        await using var app = ExportApp.Over(list, new Dictionary<string, string?>
        {
            ["Export:MaxConcurrentExports"] = "1",
            ["Export:MaxConcurrentExportsPerCaller"] = "1",
        });
        var client = app.CreateClient();
        using var running = await client.StartAsync("/v1/export/pods");
        await list.Blocked.WaitAsync(HttpTestExtensions.Timeout);

        using var rejected = await client.StartAsync("/v1/export/pods");
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("1", rejected.Header("Retry-After"));
        Assert.Contains("\"code\":8", await rejected.BodyAsync());

        list.Release();
        Assert.Equal(3, (await running.BodyAsync()).Count(c => c == '\n'));
        using var after = await client.StartAsync("/v1/export/pods");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
