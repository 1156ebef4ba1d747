using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using k8s;
using k8s.Models;
using PodExport.Simulator.Hosting;

namespace PodExport.Benchmarks.Simulator;

/// <summary>
/// The simulator's own throughput: a large paged list, then many concurrent watchers under steady churn. Raw watchers
/// count lines without deserializing (so client parsing on the same cores does not hide the server's limit); one
/// KubernetesClient watcher checks that what a real client receives is complete and in order.
/// </summary>
public static class SimulatorThroughputBenchmark
{
    public static async Task<SimulatorBenchmarkResult> RunAsync(SimulatorBenchmarkOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            HistoryLimit = Math.Max(1_000_000, options.Pods * 3),
            HistoryMaxAge = TimeSpan.Zero,
            DefaultWatchTimeout = TimeSpan.FromHours(1),
        }, cancellationToken);

        var seed = Stopwatch.StartNew();
        host.Store.Create(new V1Namespace { Metadata = new V1ObjectMeta { Name = "bench" } });
        for (var i = 0; i < options.Pods; i++)
        {
            host.Store.Create(Pod(i, generation: 0));
        }

        seed.Stop();
        await log.WriteLineAsync($"seeded {options.Pods} pods in {seed.Elapsed.TotalSeconds:F1} s");

        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var (pages, listTime, listed) = await PagedListAsync(http, options.PageSize, cancellationToken);
        await log.WriteLineAsync($"listed {listed} pods in {pages} pages in {listTime.TotalSeconds:F2} s");

        var startRv = host.Store.CurrentRV;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var counters = new long[options.RawWatchers];
        var raw = Enumerable.Range(0, options.RawWatchers)
            .Select(i => Task.Run(() => CountLinesAsync(http, startRv, counters, i, stop.Token), CancellationToken.None))
            .ToList();
        var client = new Kubernetes(new KubernetesClientConfiguration { Host = host.BaseAddress.ToString().TrimEnd('/') });
        var clientEvents = 0L;
        var clientComplete = true;
        var lastRv = startRv;
        var typed = Task.Run(async () =>
        {
            try
            {
                await foreach (var (_, pod) in client.CoreV1.WatchListNamespacedPodAsync("bench", resourceVersion: startRv.ToString(CultureInfo.InvariantCulture),
                    onError: _ => clientComplete = false, cancellationToken: stop.Token))
                {
                    var rv = long.Parse(pod.Metadata.ResourceVersion, CultureInfo.InvariantCulture);
                    clientComplete &= rv == lastRv + 1;
                    lastRv = rv;
                    Interlocked.Increment(ref clientEvents);
                }
            }
            catch (OperationCanceledException)
            {
                // The end of the measurement.
            }
        }, CancellationToken.None);
        await host.WaitForWatcher(_ => host.ActiveWatchCount == options.RawWatchers + 1, TimeSpan.FromSeconds(30));

        var churn = Stopwatch.StartNew();
        var written = 0L;
        var random = new Random(42);
        var target = (long)(options.EventsPerSecond * options.ChurnDuration.TotalSeconds);
        while (written < target)
        {
            var due = (long)(churn.Elapsed.TotalSeconds * options.EventsPerSecond);
            for (; written < Math.Min(due, target); written++)
            {
                host.Store.Update(Pod(random.Next(options.Pods), generation: written + 1));
            }

            await Task.Delay(5, cancellationToken);
        }

        churn.Stop();
        await log.WriteLineAsync($"wrote {written} events in {churn.Elapsed.TotalSeconds:F1} s");

        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < options.DrainTimeout &&
            (Enumerable.Range(0, counters.Length).Any(i => Interlocked.Read(ref counters[i]) < written) || Interlocked.Read(ref clientEvents) < written))
        {
            await Task.Delay(20, cancellationToken);
        }

        drain.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(raw.Append(typed)).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        var result = new SimulatorBenchmarkResult(options.Pods, seed.Elapsed, pages, listTime, written, churn.Elapsed,
            written / churn.Elapsed.TotalSeconds, Enumerable.Range(0, counters.Length).Select(i => Interlocked.Read(ref counters[i])).ToList(), Interlocked.Read(ref clientEvents),
            clientComplete && Interlocked.Read(ref clientEvents) == written, drain.Elapsed);
        await log.WriteLineAsync(result.ToString());
        return result;
    }

    private static async Task<(int Pages, TimeSpan Time, int Items)> PagedListAsync(HttpClient http, int pageSize, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var pages = 0;
        var items = 0;
        string? token = null;
        do
        {
            var url = token is null
                ? $"/api/v1/pods?limit={pageSize}&watch=false"
                : $"/api/v1/pods?continue={Uri.EscapeDataString(token)}&limit={pageSize}&watch=false";
            await using var stream = await http.GetStreamAsync(url, cancellationToken);
            using var doc = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            pages++;
            items += doc.RootElement.GetProperty("items").GetArrayLength();
            token = doc.RootElement.GetProperty("metadata").TryGetProperty("continue", out var c) ? c.GetString() : null;
        }
        while (!string.IsNullOrEmpty(token));

        return (pages, watch.Elapsed, items);
    }

    private static async Task CountLinesAsync(HttpClient http, long startRv, long[] counters, int index, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"/api/v1/namespaces/bench/pods?resourceVersion={startRv}&watch=true",
                HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                var lines = buffer.AsSpan(0, read).Count((byte)'\n');
                Interlocked.Add(ref counters[index], lines);
            }
        }
        catch (OperationCanceledException)
        {
            // The end of the measurement.
        }
    }

    private static V1Pod Pod(int i, long generation) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"pod-{i:D6}",
            NamespaceProperty = "bench",
            Labels = new Dictionary<string, string> { ["app"] = $"app-{i % 100}", ["generation"] = generation.ToString(CultureInfo.InvariantCulture) },
        },
        Spec = new V1PodSpec { NodeName = $"node-{i % 50}", Containers = [new V1Container { Name = "main", Image = "registry.example/app:1.0" }] },
        Status = new V1PodStatus
        {
            Phase = "Running",
            PodIP = $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}",
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = "main",
                    Image = "registry.example/app:1.0",
                    ImageID = "registry.example/app@sha256:" + new string('c', 64),
                    ContainerID = "containerd://" + i.ToString("x64", CultureInfo.InvariantCulture),
                    Ready = true,
                    RestartCount = (int)(generation % 5),
                    State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) } },
                },
            ],
        },
    };
}
