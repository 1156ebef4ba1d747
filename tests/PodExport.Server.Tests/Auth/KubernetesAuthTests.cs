using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Auth;

/// <summary>Kubernetes mode end to end against the simulator's reviews (service.md S-5, S-8, S-9; export-api §8).</summary>
public sealed class KubernetesAuthTests
{
    [Fact]
    public async Task Export_NoToken_Returns401WithBearerChallenge()
    {
        await using var cluster = await AuthCluster.StartAsync();
        using var response = await cluster.ExportAsync(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Header("WWW-Authenticate"));
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal(AuthBodies.StreamError(16, "authentication required"), await response.BodyAsync());
        Assert.Equal(0, cluster.Simulator.Auth.TokenReviewCount);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer   ")]
    public async Task Export_NotABearerToken_Returns401AuthenticationRequired(string authorization)
    {
        await using var cluster = await AuthCluster.StartAsync();
        using var response = await cluster.App.CreateClient().StartAsync(
            "/v1/export/pods", r => r.Headers.TryAddWithoutValidation("Authorization", authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(AuthBodies.StreamError(16, "authentication required"), await response.BodyAsync());
    }

    [Fact]
    public async Task Export_UnknownToken_Returns401InvalidBearerToken()
    {
        await using var cluster = await AuthCluster.StartAsync();
        using var response = await cluster.ExportAsync("t-unknown");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Header("WWW-Authenticate"));
        Assert.Equal(AuthBodies.StreamError(16, "invalid bearer token"), await response.BodyAsync());
        Assert.Equal(1, cluster.Simulator.Auth.TokenReviewCount);
    }

    [Fact]
    public async Task Export_TokenWithoutPodPermission_Returns403()
    {
        await using var cluster = await AuthCluster.StartAsync();
        using var response = await cluster.ExportAsync(AuthCluster.NoPodsToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Header("WWW-Authenticate"));
        Assert.Equal(AuthBodies.StreamError(7, "permission denied: may not list pods in any namespace"), await response.BodyAsync());
    }

    [Fact]
    public async Task Export_TokenAllowedInTwoNamespaces_GetsExactlyTheirPods()
    {
        await using var cluster = await AuthCluster.StartAsync();
        using var response = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["alpha", "alpha", "beta"], AuthBodies.Namespaces(await response.BodyAsync()));
    }

    [Fact]
    public async Task Export_QueryNamingAnInvisibleNamespace_MatchesNothing()
    {
        await using var cluster = await AuthCluster.StartAsync();
        using var response = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken, "Namespace:gamma");

        // W-43: not an error, just no pod.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.BodyAsync());
    }

    [Theory]
    [InlineData(AuthCluster.AdminToken)]
    [InlineData(AuthCluster.MastersToken)]
    public async Task Export_ClusterWideToken_GetsEveryPod(string token)
    {
        await using var cluster = await AuthCluster.StartAsync();
        using var response = await cluster.ExportAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["alpha", "alpha", "beta", "gamma", "kube-system"], AuthBodies.Namespaces(await response.BodyAsync()));

        // One cluster-wide review decides; no namespace is asked about.
        Assert.Equal(1, cluster.Simulator.Auth.SubjectAccessReviewCount);
    }

    [Fact]
    public async Task Export_NamespaceTokenBeforeFirstSync_Returns503NotAnEmpty403()
    {
        await using var cluster = await AuthCluster.StartAsync(synced: false);
        using var response = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(AuthBodies.StreamError(14, "pod cache is not synchronized yet"), await response.BodyAsync());
    }

    [Fact]
    public async Task Export_RepeatedWithinCachePeriod_ReviewsOnce()
    {
        await using var cluster = await AuthCluster.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            using var response = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken);
            Assert.Equal(3, AuthBodies.Namespaces(await response.BodyAsync()).Count);
        }

        Assert.Equal(1, cluster.Simulator.Auth.TokenReviewCount);
        Assert.Equal(1 + 4, cluster.Simulator.Auth.SubjectAccessReviewCount); // cluster-wide, then each namespace

        cluster.App.Time.Advance(TimeSpan.FromSeconds(61));
        using var again = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, cluster.Simulator.Auth.TokenReviewCount);
        Assert.Equal(2 * (1 + 4), cluster.Simulator.Auth.SubjectAccessReviewCount);
    }

    [Fact]
    public async Task Export_Repeated_CountsReviewsByResultAndCache()
    {
        await using var cluster = await AuthCluster.StartAsync();
        using var reviews = new MetricCollector<long>(
            cluster.App.Services.GetRequiredService<IMeterFactory>(), "PodExport", "podexport.auth.reviews");
        (await cluster.ExportAsync(AuthCluster.TwoNamespacesToken)).Dispose();
        (await cluster.ExportAsync(AuthCluster.TwoNamespacesToken)).Dispose();

        var counts = reviews.GetMeasurementSnapshot()
            .GroupBy(m => $"{m.Tags["type"]}/{m.Tags["result"]}/{m.Tags["cached"]}")
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(1, counts["token/authenticated/false"]);
        Assert.Equal(1, counts["token/authenticated/true"]);
        Assert.Equal(3, counts["access/denied/false"]); // cluster-wide, gamma, kube-system
        Assert.Equal(2, counts["access/allowed/false"]); // alpha, beta
        Assert.Equal(3, counts["access/denied/true"]);
        Assert.Equal(2, counts["access/allowed/true"]);
    }

    [Fact]
    public async Task Export_UnknownTokenRepeated_IsCachedForTheShorterPeriod()
    {
        await using var cluster = await AuthCluster.StartAsync();
        (await cluster.ExportAsync("t-unknown")).Dispose();
        (await cluster.ExportAsync("t-unknown")).Dispose();
        Assert.Equal(1, cluster.Simulator.Auth.TokenReviewCount);

        cluster.App.Time.Advance(TimeSpan.FromSeconds(5));
        using var response = await cluster.ExportAsync("t-unknown");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, cluster.Simulator.Auth.TokenReviewCount);
    }

    [Fact]
    public async Task Export_PermissionRevoked_LostOnceTheCachePeriodHasPassed()
    {
        await using var cluster = await AuthCluster.StartAsync();
        using (var before = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        cluster.Simulator.Auth.SetAllow("two", []);
        using (var cached = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            Assert.Equal(3, AuthBodies.Namespaces(await cached.BodyAsync()).Count);
        }

        cluster.App.Time.Advance(TimeSpan.FromSeconds(60));
        using var after = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken);

        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal(AuthBodies.StreamError(7, "permission denied: may not list pods in any namespace"), await after.BodyAsync());
    }

    [Fact]
    public async Task Export_TokenRemoved_RejectedOnceTheCachePeriodHasPassed()
    {
        await using var cluster = await AuthCluster.StartAsync();
        (await cluster.ExportAsync(AuthCluster.AdminToken)).Dispose();
        cluster.Simulator.Auth.RemoveToken(AuthCluster.AdminToken);

        cluster.App.Time.Advance(TimeSpan.FromSeconds(60));
        using var response = await cluster.ExportAsync(AuthCluster.AdminToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Export_ApiServerUnreachable_Returns503NotAnOpenDoor()
    {
        await using var cluster = await AuthCluster.StartAsync();
        await cluster.Simulator.StopListenerAsync();

        using var response = await cluster.ExportAsync(AuthCluster.AdminToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("1", response.Header("Retry-After"));
        Assert.Equal(
            AuthBodies.StreamError(14, "cannot check credentials: the Kubernetes API server is unavailable"),
            await response.BodyAsync());
    }

    [Fact]
    public async Task Export_AccessReviewFailsAfterTokenReview_Returns503()
    {
        await using var cluster = await AuthCluster.StartAsync();
        (await cluster.ExportAsync(AuthCluster.TwoNamespacesToken)).Dispose();
        await cluster.Simulator.StopListenerAsync();

        // The token and the decisions are cached, so the cached caller still gets through...
        using (var cached = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken))
        {
            Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        }

        // ...but a caller whose decisions are not cached gets 503, never everything.
        cluster.App.Time.Advance(TimeSpan.FromSeconds(61));
        using var response = await cluster.ExportAsync(AuthCluster.TwoNamespacesToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Export_AudiencesConfigured_AcceptedWhenTheReviewEchoesThem()
    {
        // The simulator, like an audience-aware API server, returns the audiences it checked; the gateway requires it.
        await using var cluster = await AuthCluster.StartAsync(new() { ["Auth:Audiences:0"] = "podexport" });
        using var response = await cluster.ExportAsync(AuthCluster.AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, cluster.Simulator.Auth.TokenReviewCount);
    }

    [Fact]
    public async Task Export_TokenNeverAppearsInLogs()
    {
        await using var cluster = await AuthCluster.StartAsync();
        (await cluster.ExportAsync(AuthCluster.TwoNamespacesToken)).Dispose();
        (await cluster.ExportAsync("t-secret-unknown")).Dispose();
        await cluster.Simulator.StopListenerAsync();
        cluster.App.Time.Advance(TimeSpan.FromSeconds(61));
        (await cluster.ExportAsync(AuthCluster.TwoNamespacesToken)).Dispose();

        var logs = cluster.App.Logs.GetSnapshot();
        Assert.NotEmpty(logs);
        foreach (var record in logs)
        {
            var text = record.Message + record.Exception;
            Assert.DoesNotContain(AuthCluster.TwoNamespacesToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("t-secret-unknown", text, StringComparison.Ordinal);
        }

        Assert.Contains(logs, r => r.Message.Contains("caller two", StringComparison.Ordinal));
    }
}
