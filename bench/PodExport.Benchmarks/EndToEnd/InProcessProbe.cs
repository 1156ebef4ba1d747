using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Store;
using PodExport.Cluster.Workloads;
using PodExport.Model.Records;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// Store memory against V1Pod memory, and filter throughput, measured in this process on the pods the simulator
/// serves: the pods are listed once (as a naive informer would keep them: KubernetesClient <see cref="V1Pod"/>
/// objects in a dictionary), then fed to the real pod store, and the heap is measured after each step with
/// <see cref="GC.GetTotalMemory(bool)"/>. The owners are fed first and left out of both figures.
/// </summary>
public static class InProcessProbe
{
    /// <summary>Used when the probe could not choose a query from the data.</summary>
    public const string FallbackQuery = "Namespace:default+Pod Deleted:false";

    private const int PageSize = 500;

    public static async Task RunAsync(Uri simulator, E2eOptions options, E2eResults results, CancellationToken cancellationToken)
    {
        using var client = new Kubernetes(new KubernetesClientConfiguration { Host = simulator.ToString(), AccessToken = E2eRun.SimulatorToken });
        var kubeSystem = await client.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: cancellationToken);
        var owners = await OwnerLists.ListAsync(client, cancellationToken);

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cluster:Id"] = kubeSystem.Metadata.Uid,
                ["Cluster:Name"] = "default",
            })
            .Build();
        ServiceProvider? services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddPodExportStore(configuration)
            .BuildServiceProvider();
        PodStore? store = services.GetRequiredService<PodStore>();
        foreach (var (kind, objects) in owners)
        {
            store.ForOwnerKind(kind).OnList([.. objects.Select(o => new ResourceEvent<OwnerObject>(ResourceEventType.Added, o))], initial: true);
        }

        var baseline = Heap();
        Dictionary<string, V1Pod>? pods = await ListPodsAsync(client, cancellationToken);
        var withPods = Heap();
        var count = pods.Count;
        Feed(store, ref pods);
        var withStore = Heap();
        PodSnapshot? snapshot = store.TakeSnapshot();
        long lineBytes = 0;
        foreach (var record in snapshot.Pods)
        {
            // An array's heap size: its length plus the 24-byte header of a 64-bit runtime.
            lineBytes += record.Line.Length + 24;
        }

        var memory = new StoreMemory(count, withPods - baseline, withStore - baseline, lineBytes);
        results.StoreMemory = memory;
        var query = options.Query ?? FilterProbe.ChooseQuery(snapshot.Pods);
        results.FilteredQuery = query;
        var duration = TimeSpan.FromSeconds(options.Pods >= 10_000 ? 2 : 0.2);
        results.Filter = FilterProbe.Measure(query, snapshot, duration);
        results.FilterPrefetch = FilterProbe.Measure(query, snapshot, duration, prefetch: true);

        PodState[]? states = [.. snapshot.Pods.Select(record => store.Find(record.Attributes.PodUid)).OfType<PodState>()];
        snapshot = null;
        store = null;
        await services.DisposeAsync();
        services = null;
        results.StoreBreakdown = StoreBreakdown.Measure(ref states, memory.StoreBytes);
    }

    /// <summary>Every pod as a naive informer keeps it, keyed by UID.</summary>
    private static async Task<Dictionary<string, V1Pod>> ListPodsAsync(Kubernetes client, CancellationToken cancellationToken)
    {
        var pods = new Dictionary<string, V1Pod>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var page = await client.CoreV1.ListPodForAllNamespacesAsync(continueParameter: next, limit: PageSize, cancellationToken: cancellationToken);
            foreach (var pod in page.Items)
            {
                pods[pod.Metadata.Uid] = pod;
            }

            next = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));
        return pods;
    }

    /// <summary>Feeds the pods as the initial list, then lets go of them so only what the store keeps stays reachable.</summary>
    private static void Feed(PodStore store, ref Dictionary<string, V1Pod>? pods)
    {
        var changes = new List<ResourceEvent<V1Pod>>(pods!.Count);
        foreach (var pod in pods.Values)
        {
            changes.Add(new ResourceEvent<V1Pod>(ResourceEventType.Added, pod));
        }

        pods = null;
        store.OnList(changes, initial: true);
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
