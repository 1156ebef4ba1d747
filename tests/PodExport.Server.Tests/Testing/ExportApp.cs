using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using PodExport.Model.Records;
using PodExport.Server.Source;

namespace PodExport.Server.Tests.Testing;

/// <summary>
/// The server in memory (TestServer), with a fake clock, fake logging and optional replacements. Each test that
/// changes state gets its own instance.
/// </summary>
internal sealed class ExportApp(Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
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
    public static ExportApp Over(IReadOnlyList<PodRecord> pods, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ExportApp? app = null;
        app = new ExportApp(
            services =>
            {
                services.RemoveAll<IPodSnapshotSource>();
                services.AddSingleton<IPodSnapshotSource>(sp => new ScriptedPodSource(sp.GetRequiredService<TimeProvider>(), pods));
            },
            settings);
        _ = app.Services;
        return app;
    }

    public MetricCollector<long> CollectRequests() =>
        new(Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), "PodExport", "podexport.export.requests");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
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
