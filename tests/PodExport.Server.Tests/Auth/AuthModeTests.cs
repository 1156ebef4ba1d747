using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PodExport.Server.Auth;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Auth;

/// <summary>Choosing the mode: None and the <c>--simulate</c> default, bad and unusable modes (service.md S-2, S-7; W-44).</summary>
public sealed class AuthModeTests
{
    [Fact]
    public async Task Export_ModeNone_EveryCallerSeesEverythingAndStartupWarns()
    {
        await using var app = ExportApp.Seeded(AuthCluster.Pods, new Dictionary<string, string?> { ["Auth:Mode"] = "None" });
        using var response = await app.CreateClient().StartAsync("/v1/export/pods");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, AuthBodies.Namespaces(await response.BodyAsync()).Count);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.StartsWith("Authentication is off", StringComparison.Ordinal));
    }

    [Fact]
    public void Server_UnknownMode_FailsNamingTheSetting()
    {
        using var app = new ExportApp(settings: new Dictionary<string, string?> { ["Auth:Mode"] = "Open" });

        var error = Assert.ThrowsAny<InvalidOperationException>(() => app.Services);
        Assert.Contains("Auth:Mode", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_KubernetesModeWithoutCluster_FailsAtStartupSayingSo()
    {
        using var app = new ExportApp(settings: new Dictionary<string, string?> { ["Auth:Mode"] = "Kubernetes" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);
        Assert.Contains("Auth:Mode is Kubernetes, but no cluster connection is configured", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "None")]
    [InlineData("Kubernetes", "Kubernetes")]
    [InlineData("StaticTokens", "StaticTokens")]
    public void UseNoAuthUnlessConfigured_OnlyFillsAnUnsetMode(string? configured, string expected)
    {
        var configuration = new ConfigurationManager();
        if (configured is not null)
        {
            configuration.AddInMemoryCollection([new(AuthOptions.ModeKey, configured)]);
        }

        AuthDefaults.UseNoAuthUnlessConfigured(configuration);

        Assert.Equal(expected, configuration[AuthOptions.ModeKey]);
    }
}
