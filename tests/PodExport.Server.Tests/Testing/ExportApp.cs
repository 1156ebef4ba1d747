using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PodExport.Model.Records;
using PodExport.Server.Auth;
using PodExport.Server.Source;

namespace PodExport.Server.Tests.Testing;

/// <summary>
/// The server in memory (TestServer), with a fake clock, fake logging and optional replacements. Each test that
/// changes state gets its own instance.
/// </summary>
public sealed class ExportApp(Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2024, 5, 1, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);

    public InMemoryPodSource InMemorySource => Services.GetRequiredService<InMemoryPodSource>();

    public FakeLogCollector Logs => Services.GetRequiredService<FakeLogCollector>();

    /// <summary>A started server whose in-memory source holds <paramref name="pods"/> and is synced.</summary>
    public static ExportApp Seeded(IEnumerable<PodRecord> pods, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new ExportApp(settings: settings);
        app.InMemorySource.Set(pods);
        app.InMemorySource.MarkSynced();
        return app;
    }

    /// <summary>A started server reading the given pod list through a scripted source.</summary>
    public static ExportApp Over(
        IReadOnlyList<PodRecord> pods, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var app = new ExportApp(
            services =>
            {
                services.RemoveAll<IPodSnapshotSource>();
                services.AddSingleton<IPodSnapshotSource>(sp => new ScriptedPodSource(sp.GetRequiredService<TimeProvider>(), pods));
                configureServices?.Invoke(services);
            },
            settings);
        _ = app.Services;
        return app;
    }

    /// <summary>
    /// Sends a GET with the query string exactly as given: <see cref="Uri"/> would repair <c>%zz</c> into <c>%25zz</c>
    /// before the server saw it.
    /// </summary>
    public async Task<(int Status, IHeaderDictionary Headers, string Body)> SendRawAsync(string path, string rawQuery)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Request.QueryString = new QueryString(rawQuery);
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, context.Response.Headers, await reader.ReadToEndAsync());
    }

    public MetricCollector<long> CollectRequests() =>
        new(Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "PodExport", "podexport.export.requests");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The HTTP layer's tests fill the in-memory source themselves; no informers, no cluster.
        builder.UseSetting(ClusterServiceCollectionExtensions.SourceKey, "InMemory");
        // The endpoint tests are about the export, not about callers; the auth tests set a mode of their own.
        builder.UseSetting(AuthOptions.ModeKey, nameof(AuthMode.None));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.AddFakeLogging();
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            configureServices?.Invoke(services);
        });
    }
}
