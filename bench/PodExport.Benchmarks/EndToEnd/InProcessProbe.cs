using System.Runtime.CompilerServices;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Pods;
using PodExport.Cluster.Store;
using PodExport.Cluster.Workloads;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// Store memory against V1Pod memory, and filter throughput, measured in this process on the pods the simulator
/// serves: the pods are listed once (as a naive informer would keep them: KubernetesClient <see cref="V1Pod"/>
/// objects in a dictionary), then fed to the real pod store, and the heap is measured after each step with
/// <see cref="GC.GetTotalMemory(bool)"/>. The owners are fed first and left out of both figures.
/// </summary>
/// <remarks>
/// Every step that holds or drops the pods runs in a synchronous method compiled fully optimized, on a stack with
/// no async frame below it that touched them: an async method runs at tier 0, whose stack temporaries stay alive to
/// the end of the method and would keep the "dropped" pods reachable while the heap is measured.
/// </remarks>
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
        using var session = Session.Start(kubeSystem.Metadata.Uid, owners);
        var holder = new PodHolder();
        await ListPodsAsync(client, holder, cancellationToken);

        // The last page's await resumes this method inline, on top of ListPodsAsync's own frame, whose temporaries
        // still hold the dictionary; yielding unwinds that frame before anything is measured.
        await Task.Yield();
        session.Measure(holder, options, results);
    }

    /// <summary>Every pod as a naive informer keeps it, keyed by UID, into <paramref name="holder"/> only.</summary>
    private static async Task ListPodsAsync(Kubernetes client, PodHolder holder, CancellationToken cancellationToken)
    {
        holder.Pods = new Dictionary<string, V1Pod>(StringComparer.Ordinal);
        string? next = null;
        do
        {
            var page = await client.CoreV1.ListPodForAllNamespacesAsync(continueParameter: next, limit: PageSize, cancellationToken: cancellationToken);
            foreach (var pod in page.Items)
            {
                holder.Pods[pod.Metadata.Uid] = pod;
            }

            next = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private sealed class PodHolder
    {
        public Dictionary<string, V1Pod>? Pods { get; set; }
    }

    /// <summary>A pod store with the owners applied, and the heap measured with it but before any pod.</summary>
    private sealed class Session : IDisposable
    {
        private ServiceProvider? _services;
        private PodStore? _store;
        private long _baseline;

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public static Session Start(string clusterId, IReadOnlyList<(string Kind, IReadOnlyList<OwnerObject> Objects)> owners)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:Id"] = clusterId, ["Cluster:Name"] = "default" })
                .Build();
            var session = new Session
            {
                _services = new ServiceCollection().AddLogging().AddMetrics().AddPodExportStore(configuration).BuildServiceProvider(),
            };
            session._store = session._services.GetRequiredService<PodStore>();
            foreach (var (kind, objects) in owners)
            {
                session._store.ForOwnerKind(kind).OnList([.. objects.Select(o => new ResourceEvent<OwnerObject>(ResourceEventType.Added, o))], initial: true);
            }

            session._baseline = Heap();
            return session;
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        public void Measure(PodHolder holder, E2eOptions options, E2eResults results)
        {
            var withPods = Heap();
            var count = Feed(holder);
            var withStore = Heap();
            var memory = new StoreMemory(count, withPods - _baseline, withStore - _baseline, LineBytes());
            results.StoreMemory = memory;
            MeasureFilter(options, results);
            var states = States();
            Dispose();
            results.StoreBreakdown = StoreBreakdown.Measure(ref states, memory.StoreBytes);
        }

        public void Dispose()
        {
            _store = null;
            _services?.Dispose();
            _services = null;
        }

        /// <summary>Feeds the pods as the initial list, and lets go of them: only what the store keeps stays reachable.</summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private int Feed(PodHolder holder)
        {
            var changes = new List<ResourceEvent<V1Pod>>(holder.Pods!.Count);
            foreach (var pod in holder.Pods.Values)
            {
                changes.Add(new ResourceEvent<V1Pod>(ResourceEventType.Added, pod));
            }

            holder.Pods = null;
            _store!.OnList(changes, initial: true);
            return changes.Count;
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private long LineBytes()
        {
            long bytes = 0;
            foreach (var record in _store!.TakeSnapshot().Pods)
            {
                // An array's heap size: its length plus the 24-byte header of a 64-bit runtime.
                bytes += record.Line.Length + 24;
            }

            return bytes;
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private void MeasureFilter(E2eOptions options, E2eResults results)
        {
            var snapshot = _store!.TakeSnapshot();
            var query = options.Query ?? FilterProbe.ChooseQuery(snapshot.Pods);
            results.FilteredQuery = query;
            var duration = TimeSpan.FromSeconds(options.Pods >= 10_000 ? 2 : 0.2);
            results.Filter = FilterProbe.Measure(query, snapshot, duration);
            results.FilterPrefetch = FilterProbe.Measure(query, snapshot, duration, prefetch: true);
        }

        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private PodState[]? States()
        {
            var store = _store!;
            return [.. store.TakeSnapshot().Pods.Select(record => store.Find(record.Attributes.PodUid)).OfType<PodState>()];
        }
    }
}
