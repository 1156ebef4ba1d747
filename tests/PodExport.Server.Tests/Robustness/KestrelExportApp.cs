using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Model.Records;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Robustness;

/// <summary>The gateway on real Kestrel at 127.0.0.1, port 0, over an in-memory pod source.</summary>
internal static class KestrelExportApp
{
    public static (ExportApp App, Uri Address) Start(IEnumerable<PodRecord> pods, Dictionary<string, string?> settings)
    {
        var app = new ExportApp(settings: settings);
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        app.InMemorySource.Set(pods);
        app.InMemorySource.MarkSynced();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return (app, address);
    }
}
