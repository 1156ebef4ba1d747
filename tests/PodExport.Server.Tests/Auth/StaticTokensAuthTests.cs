using System.Net;
using Microsoft.Extensions.Logging;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Auth;

/// <summary>StaticTokens mode: the simulator's auth-config file, its rules, and reloading (service.md S-6).</summary>
public sealed class StaticTokensAuthTests : IDisposable
{
    private const string File1 = """
        users:
        - token: s-admin
          user: admin
          allow: ["*"]
        - token: s-two
          user: two
          groups: [team]
          allow: [alpha, beta]
        - token: s-none
          user: none
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("podexport-static-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Export_StaticTokens_AnswersByTheFileRules()
    {
        await using var app = Start(File1);
        var client = app.CreateClient();

        using var none = await Export(client, null);
        using var unknown = await Export(client, "s-unknown");
        using var forbidden = await Export(client, "s-none");
        using var two = await Export(client, "s-two");
        using var admin = await Export(client, "s-admin");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Header("WWW-Authenticate"));
        Assert.Equal(AuthBodies.StreamError(16, "authentication required"), await none.BodyAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(AuthBodies.StreamError(16, "invalid bearer token"), await unknown.BodyAsync());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(AuthBodies.StreamError(7, "permission denied: may not list pods in any namespace"), await forbidden.BodyAsync());
        Assert.Equal(["alpha", "alpha", "beta"], AuthBodies.Namespaces(await two.BodyAsync()));
        Assert.Equal(5, AuthBodies.Namespaces(await admin.BodyAsync()).Count);
    }

    [Fact]
    public async Task Export_FileChanged_NewTokensApplyAfterTheReloadPeriod()
    {
        await using var app = Start(File1);
        var client = app.CreateClient();
        WriteTokens("""
            users:
            - token: s-new
              user: newcomer
              allow: [gamma]
            """);

        using (var before = await Export(client, "s-new"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        }

        app.Time.Advance(TimeSpan.FromSeconds(5));
        using var added = await Export(client, "s-new");
        using var removed = await Export(client, "s-admin");

        Assert.Equal(["gamma"], AuthBodies.Namespaces(await added.BodyAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, removed.StatusCode);
    }

    [Fact]
    public async Task Export_FileSwappedThroughSymlink_IsReloaded()
    {
        // A Secret volume: the file is a symlink through ..data, which is swapped atomically to a new directory.
        var first = Path.Combine(_directory, "..2024_01");
        var second = Path.Combine(_directory, "..2024_02");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(first, "tokens.yaml"), File1);
        File.WriteAllText(Path.Combine(second, "tokens.yaml"), "users:\n- token: s-swapped\n  user: swapped\n  allow: [beta]\n");
        var data = Path.Combine(_directory, "..data");
        File.CreateSymbolicLink(data, first);
        var file = Path.Combine(_directory, "tokens.yaml");
        File.CreateSymbolicLink(file, Path.Combine("..data", "tokens.yaml"));
        await using var app = StartWithFile(file);
        var client = app.CreateClient();

        // kubelet renames a new link over ..data; deleting and re-creating the link shows the reader the same files.
        Directory.Delete(data);
        File.CreateSymbolicLink(data, second);
        Assert.True(File.Exists(Path.Combine(first, "tokens.yaml")));
        app.Time.Advance(TimeSpan.FromSeconds(5));

        using var swapped = await Export(client, "s-swapped");
        Assert.Equal(["beta"], AuthBodies.Namespaces(await swapped.BodyAsync()));
    }

    [Fact]
    public async Task Export_FileBroken_KeepsTheLastGoodSetAndLogsAnError()
    {
        await using var app = Start(File1);
        var client = app.CreateClient();
        WriteTokens("users: [ {token: unterminated");

        app.Time.Advance(TimeSpan.FromSeconds(5));
        using var response = await Export(client, "s-admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var error = Assert.Single(app.Logs.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Contains("keeping the last good set of 3 tokens", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s-admin", error.Message + error.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_StaticTokensWithoutFile_FailsAtStartup()
    {
        await using var app = new ExportApp(settings: new Dictionary<string, string?> { ["Auth:Mode"] = "StaticTokens" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => app.Services);
        Assert.Contains("Auth:StaticTokensFile is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_StaticTokensFileBroken_FailsAtStartupNamingTheSetting()
    {
        WriteTokens("users: notalist");
        await using var app = new ExportApp(settings: new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "StaticTokens",
            ["Auth:StaticTokensFile"] = Path.Combine(_directory, "tokens.yaml"),
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);
        Assert.Contains("Auth:StaticTokensFile is ", error.Message, StringComparison.Ordinal);
        Assert.Contains("'users' must be a list", error.Message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Export(HttpClient client, string? token) =>
        client.StartAsync("/v1/export/pods", r =>
        {
            if (token is not null)
            {
                r.Headers.Authorization = new("Bearer", token);
            }
        });

    private ExportApp Start(string yaml)
    {
        WriteTokens(yaml);
        return StartWithFile(Path.Combine(_directory, "tokens.yaml"));
    }

    private static ExportApp StartWithFile(string file)
    {
        var app = new ExportApp(settings: new Dictionary<string, string?>
        {
            ["Auth:Mode"] = "StaticTokens",
            ["Auth:StaticTokensFile"] = file,
        });
        app.InMemorySource.Set(AuthCluster.Pods);
        app.InMemorySource.MarkSynced();
        return app;
    }

    private void WriteTokens(string yaml) => File.WriteAllText(Path.Combine(_directory, "tokens.yaml"), yaml);
}
