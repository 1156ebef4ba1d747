using System.Text.Json.Nodes;
using PodExport.Server.Auth;
using PodExport.Server.Tests.Deployment;
using PodExport.Server.Tls;

namespace PodExport.Server.Tests.Auth;

/// <summary>The chart's <c>Auth__*</c> and <c>Tls__*</c> variables name settings the server binds (OPERATIONS.md §1).</summary>
public sealed class ChartAuthSettingsTests
{
    [Theory]
    [MemberData(nameof(ChartFiles.CiValuesData), MemberType = typeof(ChartFiles))]
    public void Deployment_AuthAndTlsVariables_BindToOptionsProperties(string valuesFile)
    {
        var env = Env(valuesFile);

        foreach (var name in env.Keys.Where(n => n.StartsWith("Auth__", StringComparison.Ordinal) || n.StartsWith("Tls__", StringComparison.Ordinal)))
        {
            var parts = name.Split("__");
            var type = parts[0] == AuthOptions.Section ? typeof(AuthOptions) : typeof(TlsOptions);
            Assert.True(type.GetProperty(parts[1]) is not null, $"{name} in {valuesFile} binds to nothing on {type.Name}");
        }
    }

    [Fact]
    public void Deployment_AllFeatures_SetsCacheAndAudienceSettings()
    {
        var env = Env("all-features-values.yaml");

        Assert.Equal("Kubernetes", env["Auth__Mode"]);
        Assert.Equal("60", env["Auth__CacheSeconds"]);
        Assert.Equal("5", env["Auth__NegativeCacheSeconds"]);
        Assert.Equal("https://kubernetes.default.svc", env["Auth__Audiences__0"]);
        Assert.Equal("/etc/podexport/tls/tls.crt", env["Tls__CertificateFile"]);
        Assert.Equal("/etc/podexport/tls/tls.key", env["Tls__KeyFile"]);
    }

    private static Dictionary<string, string?> Env(string valuesFile)
    {
        var deployment = ChartFiles.ForCiValues(valuesFile).RenderFile("deployment.yaml").Single();
        return deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]!.AsArray()
            .OfType<JsonObject>()
            .ToDictionary(e => e["name"]!.GetValue<string>(), e => e["value"]?.GetValue<string>());
    }
}
