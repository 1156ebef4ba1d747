using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Store;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Telemetry;

/// <summary>
/// One server that has done a bit of everything the product's instruments count, scraped once: a successful export
/// through the in-memory source, an export with a query error, and pod-store events that evict a terminated
/// instance and drop retained deleted pods. Shared by the scrape tests so the server starts once.
/// </summary>
public sealed class ScrapeFixture : IAsyncLifetime
{
    public const string ServiceName = "podexport-scrape-test";
    public const string ExportPath = "/v1/export/pods?query=Namespace:ns-1";

    private readonly ExportApp _app;

    public ScrapeFixture()
    {
        var storeSettings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cluster:Id"] = "6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60",
                ["Cluster:Name"] = "scrape",
                ["Store:TerminatedInstancesPerContainer"] = "1",
            })
            .Build();

        // The store registers its instruments without becoming the export's source: the in-memory source was
        // registered first, and AddPodExportStore only TryAdds.
        _app = new ExportApp(
            services => services.AddPodExportStore(storeSettings),
            new Dictionary<string, string?>
            {
                ["OTEL_SERVICE_NAME"] = ServiceName,
                ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test",
            });
    }

    public Exposition Scrape { get; private set; } = new("");

    public string ScrapeContentType { get; private set; } = "";

    public long ExportedPods { get; private set; }

    public long ExportedBytes { get; private set; }

    public async Task InitializeAsync()
    {
        _app.InMemorySource.Set(TestPods.Many(9));
        _app.InMemorySource.MarkSynced();
        var client = _app.CreateClient();

        using (var export = await client.StartAsync(ExportPath))
        {
            var body = await export.BodyBytesAsync();
            ExportedBytes = body.Length;
            ExportedPods = body.Count(b => b == (byte)'\n');
        }

        using (var invalid = await client.StartAsync("/v1/export/pods?query=NoSuchLabel:x"))
        {
            await invalid.BodyBytesAsync();
        }

        DriveStore(_app.Services.GetRequiredService<PodStore>());

        using var scrape = await client.StartAsync("/metrics");
        scrape.EnsureSuccessStatusCode();
        ScrapeContentType = scrape.Header("Content-Type") ?? "";
        Scrape = new Exposition(await scrape.BodyAsync());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static void DriveStore(PodStore store)
    {
        store.OnList(
            [
                new ResourceEvent<V1Pod>(ResourceEventType.Added, StorePods.Restarted("web-a", "a", lastRun: "run-1", running: "run-2")),
                new ResourceEvent<V1Pod>(ResourceEventType.Added, StorePods.ApiServer("kube-apiserver-cp-1", "s1")),
                new ResourceEvent<V1Pod>(ResourceEventType.Added, StorePods.ApiServer("kube-apiserver-cp-2", "s2")),
            ],
            initial: true);

        // run-2 ended too: with one instance per container kept, run-1 is evicted.
        store.OnEvent(new ResourceEvent<V1Pod>(ResourceEventType.Modified, StorePods.Restarted("web-a", "a", lastRun: "run-2", running: null)));

        // The first static pod is retained while the second lives, and dropped when the second goes.
        store.OnEvent(new ResourceEvent<V1Pod>(ResourceEventType.Deleted, StorePods.ApiServer("kube-apiserver-cp-1", "s1")));
        store.OnEvent(new ResourceEvent<V1Pod>(ResourceEventType.Deleted, StorePods.ApiServer("kube-apiserver-cp-2", "s2")));
    }
}
