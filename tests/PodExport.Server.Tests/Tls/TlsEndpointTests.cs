using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Tls;

/// <summary>HTTPS from PEM files on real Kestrel, and reloading them (service.md S-2 <c>Tls:*</c>).</summary>
public sealed class TlsEndpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("podexport-tls-").FullName;

    private string CertificateFile => Path.Combine(_directory, "tls.crt");

    private string KeyFile => Path.Combine(_directory, "tls.key");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Server_TlsFiles_ServesHttpsAndReloadsTheCertificate()
    {
        var first = TestCertificates.Write(CertificateFile, KeyFile);
        await using var app = Start();
        var address = HttpsAddress(app);

        var (status, thumbprint) = await GetAsync(address, "/v1/export/pods");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(first, thumbprint);

        var second = TestCertificates.Write(CertificateFile, KeyFile, "CN=renewed");
        (_, thumbprint) = await GetAsync(address, "/healthz");
        Assert.Equal(first, thumbprint); // not yet checked again

        app.Time.Advance(TimeSpan.FromSeconds(10));
        (status, thumbprint) = await GetAsync(address, "/healthz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(second, thumbprint);
    }

    [Fact]
    public async Task Server_TlsFilesBroken_KeepsThePreviousCertificate()
    {
        var first = TestCertificates.Write(CertificateFile, KeyFile);
        await using var app = Start();
        var address = HttpsAddress(app);
        File.WriteAllText(KeyFile, "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");

        app.Time.Advance(TimeSpan.FromSeconds(10));
        var (status, thumbprint) = await GetAsync(address, "/healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(first, thumbprint);
    }

    [Fact]
    public void Server_OnlyCertificateFileSet_FailsAtStartup()
    {
        TestCertificates.Write(CertificateFile, KeyFile);
        using var app = new ExportApp(settings: new Dictionary<string, string?> { ["Tls:CertificateFile"] = CertificateFile });

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);
        Assert.Contains("Tls:KeyFile is not set", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string? Thumbprint)> GetAsync(Uri address, string path)
    {
        string? thumbprint = null;
        using var handler = new HttpClientHandler
        {
            // The test trusts exactly what it asserts on: the thumbprint the server presented.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                thumbprint = certificate?.Thumbprint;
                return true;
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = HttpTestExtensions.Timeout };
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, thumbprint);
    }

    private static Uri HttpsAddress(ExportApp app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new UriBuilder(address) { Scheme = "https" }.Uri;
    }

    private ExportApp Start()
    {
        var app = new ExportApp(settings: new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Tls:CertificateFile"] = CertificateFile,
            ["Tls:KeyFile"] = KeyFile,
        });
        app.UseKestrel();
        app.StartServer();
        app.InMemorySource.Set(TestPods.Many(3));
        app.InMemorySource.MarkSynced();
        return app;
    }
}
