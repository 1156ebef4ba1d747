using System.Globalization;
using k8s.Models;
using PodExport.Cluster.Informers;
using PodExport.Cluster.Tests.Fixtures;
using PodExport.Model.Records;
using static PodExport.Cluster.Tests.Fixtures.Objects;

namespace PodExport.Cluster.Tests.Store;

/// <summary>Snapshots taken while a writer churns: never a pod twice, always in order, never a half-applied change.</summary>
public sealed class PodStoreConcurrencyTests
{
    private const int PodCount = 100;
    private const int Generations = 60;
    private const int Gap = 7;

    private static V1Pod Generation(int index, int generation)
    {
        var uid = "uid-" + index.ToString("D3", CultureInfo.InvariantCulture);
        var gen = generation.ToString(CultureInfo.InvariantCulture);
        return Pod(
            "pod-" + index.ToString("D3", CultureInfo.InvariantCulture),
            uid,
            ns: "ns-" + (index % 3).ToString(CultureInfo.InvariantCulture),
            labels: new Dictionary<string, string> { ["gen"] = gen },
            statuses: Running("c", $"containerd://{uid}-{gen}", "2024-05-01T10:00:00Z", restarts: generation));
    }

    private static bool Listed(int index, int generation) => (index + generation) % Gap != 0;

    /// <summary>The record is one state the writer applied: label, container id and restart count agree.</summary>
    private static int CheckRecord(PodRecord record)
    {
        var gen = int.Parse(record.Attributes.Labels["gen"], CultureInfo.InvariantCulture);
        Assert.Equal(gen, record.Attributes.RestartCount);
        Assert.Equal($"{record.Attributes.PodUid}-{gen}", Assert.Single(record.Pod.LiveInstances).InstanceId!.Id);
        return gen;
    }

    private static void CheckOrder(PodSnapshot snapshot)
    {
        for (var i = 1; i < snapshot.Pods.Count; i++)
        {
            Assert.True(PodRecord.CompareExportOrder(snapshot.Pods[i - 1], snapshot.Pods[i]) < 0, "snapshot out of order or with a pod twice");
        }
    }

    [Fact]
    public async Task Store_SnapshotsDuringChurn_ConsistentAndOrdered()
    {
        using var harness = new StoreHarness();
        var store = harness.Store;
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var listsDone = false;

        var writer = Task.Run(() =>
        {
            // Phase 1: whole relists; each generation drops a different seventh of the pods.
            for (var generation = 1; generation <= Generations; generation++)
            {
                var changes = new List<ResourceEvent<V1Pod>>(PodCount);
                for (var i = 0; i < PodCount; i++)
                {
                    var pod = Generation(i, generation);
                    changes.Add(Listed(i, generation) ? Modified(pod) : Deleted(Generation(i, generation - 1)));
                }

                store.OnList(changes, initial: generation == 1);
            }

            Volatile.Write(ref listsDone, true);

            // Phase 2: single events, one pod at a time.
            for (var generation = Generations + 1; generation <= Generations + 20; generation++)
            {
                for (var i = 0; i < PodCount; i++)
                {
                    store.OnEvent(Modified(Generation(i, generation)));
                }
            }
        });

        async Task Read()
        {
            await Task.Yield();
            var snapshots = 0;
            while (!writer.IsCompleted || snapshots == 0)
            {
                done.Token.ThrowIfCancellationRequested();
                var inListPhase = !Volatile.Read(ref listsDone);
                var snapshot = store.TakeSnapshot();
                snapshots++;
                CheckOrder(snapshot);
                var generations = snapshot.Pods.Select(CheckRecord).ToList();
                if (inListPhase && snapshot.Pods.Count > 0 && !Volatile.Read(ref listsDone))
                {
                    // A relist is one change: one generation everywhere, and exactly that generation's pods.
                    var generation = generations[0];
                    Assert.All(generations, g => Assert.Equal(generation, g));
                    var expected = Enumerable.Range(0, PodCount).Where(i => Listed(i, generation)).Count();
                    Assert.Equal(expected, snapshot.Pods.Count);
                }
            }
        }

        await Task.WhenAll(writer, Read(), Read());

        var final = store.TakeSnapshot();
        Assert.Equal(PodCount, final.Pods.Count);
        Assert.All(final.Pods, p => Assert.Equal(Generations + 20, CheckRecord(p)));
        CheckOrder(final);
    }

    [Fact]
    public async Task Store_SnapshotWhileListInProgress_ReturnsStateBeforeTheList()
    {
        using var harness = new StoreHarness();
        var store = harness.Store;
        store.OnList([Modified(Generation(0, 1))], initial: true);
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocking = Generation(1, 1);
        blocking.Metadata.Labels = new BlockingLabels(entered, release);

        var list = Task.Run(() => store.OnList([Modified(Generation(0, 2)), Modified(blocking)], initial: false));
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10)));
        var during = store.TakeSnapshot();
        release.Set();
        await list.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, CheckRecord(Assert.Single(during.Pods)));
        var after = store.TakeSnapshot();
        Assert.Equal(2, after.Pods.Count);
        Assert.Equal(2, CheckRecord(after.Pods[0]));
    }

    /// <summary>Labels whose enumeration (done while the store applies the pod) waits for the test.</summary>
    private sealed class BlockingLabels(ManualResetEventSlim entered, ManualResetEventSlim release) : Dictionary<string, string>, IEnumerable<KeyValuePair<string, string>>
    {
        IEnumerator<KeyValuePair<string, string>> IEnumerable<KeyValuePair<string, string>>.GetEnumerator()
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            yield return new KeyValuePair<string, string>("gen", "1");
        }
    }
}
