using System.Globalization;
using System.Text.Json;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>The simulator, the gateway, the initial sync and the churn rate.</summary>
public sealed partial class E2eRun
{
    /// <summary>
    /// The simulator requires this bearer token and writes it into the kubeconfig: a kubeconfig user without
    /// credentials (<c>user: {}</c>) is refused by KubernetesClient 21.0.8, and a real API server wants one anyway.
    /// </summary>
    public const string SimulatorToken = "podexport-bench";

    private static readonly Dictionary<string, string> QuietLogging = new(StringComparer.Ordinal)
    {
        // Per-request logging would cost the measured processes CPU on the shared cores.
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    private async Task StartSimulatorAsync(CancellationToken cancellationToken)
    {
        var dll = BuildLocator.ProjectDll("PodExport.Simulator", _options.SimulatorDll);
        var port = FreePort.Next();
        _kubeconfig = Path.Combine(_workDir, "kubeconfig");
        _simulatorUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        _simulator = ChildProcess.Start(
            "simulator",
            BuildLocator.DotnetHost(),
            [
                dll,
                "--port", port.ToString(CultureInfo.InvariantCulture),
                "--seed", _options.Seed.ToString(CultureInfo.InvariantCulture),
                "--pods", _options.Pods.ToString(CultureInfo.InvariantCulture),
                "--churn", _options.Churn.ToString(CultureInfo.InvariantCulture),
                "--write-kubeconfig", _kubeconfig,
                "--token", SimulatorToken,
            ],
            LogPath("simulator"),
            QuietLogging);

        var version = new Uri(_simulatorUri, "version");
        _results.SimulatorStart = await WaitUntilAsync(
            _simulator,
            async ct => File.Exists(_kubeconfig) && (await _client.GetTextAsync(version, ct, SimulatorToken)).Status == 200,
            Bounded(TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(_options.Pods)),
            "API answering and kubeconfig written",
            cancellationToken);
    }

    private async Task StartGatewayAsync(CancellationToken cancellationToken)
    {
        var dll = BuildLocator.ProjectDll("PodExport.Server", _options.ServerDll);
        _results.GatewayServerGc = _options.GatewayEnvironment.TryGetValue("DOTNET_gcServer", out var gc) ? gc == "1" : ServerGc(dll);
        var port = FreePort.Next();
        _gatewayUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        // The benchmark measures the data path, not authentication: the harness sends no token.
        _gateway = ChildProcess.Start(
            "gateway",
            BuildLocator.DotnetHost(),
            [dll, "--kubeconfig", _kubeconfig!, "--urls", _gatewayUri.GetLeftPart(UriPartial.Authority), "--Auth:Mode=None"],
            LogPath("gateway"),
            new Dictionary<string, string>(QuietLogging.Concat(_options.GatewayEnvironment), StringComparer.Ordinal));
        if (_options.GatewayEnvironment.Count > 0)
        {
            _results.Notes.Add("Gateway environment: " + string.Join(", ", _options.GatewayEnvironment.Select(e => $"{e.Key}={e.Value}")));
        }

        var healthz = new Uri(_gatewayUri, "healthz");
        var readyz = new Uri(_gatewayUri, "readyz");
        var timeout = Bounded(TimeSpan.FromSeconds(30) + TimeSpan.FromMilliseconds(2.0 * _options.Pods));
        _results.GatewayUp = await WaitUntilAsync(_gateway, ct => IsStatusAsync(healthz, null, ct), timeout, "/healthz answering", cancellationToken);
        _results.Sync = await WaitUntilAsync(_gateway, ct => IsStatusAsync(readyz, 200, ct), timeout, "/readyz 200", cancellationToken);
        _results.SyncCpu = ProcessCpu.Read(_gateway.Id);

        var metrics = await ScrapeGatewayAsync(cancellationToken);
        _gatewayMetrics = metrics is not null;
        if (!_gatewayMetrics)
        {
            _results.Notes.Add("The gateway serves no /metrics: churn is reported from the simulator's side only and the managed heap is n/a (RSS only, from /proc).");
        }

        var memory = ProcessMemory.Read(_gateway.Id);
        _results.GatewayRssAfterSync = memory.Rss;
        _results.GatewayPeakRssBySync = memory.PeakRss;
        _results.GatewayManagedAfterSync = ManagedHeap(metrics);
    }

    /// <summary>
    /// The sync's floor on the simulator's side: every pod page fetched the way the informer asks for them (500 per
    /// page), the bodies read and dropped without deserializing.
    /// </summary>
    private async Task MeasureListFloorAsync(CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        string? next = null;
        long bytes = 0;
        var pages = 0;
        do
        {
            var path = "api/v1/pods?limit=500" + (next is null ? "" : "&continue=" + Uri.EscapeDataString(next));
            var (status, body) = await _client.GetTextAsync(new Uri(_simulatorUri!, path), cancellationToken, SimulatorToken);
            if (status != 200)
            {
                _results.Notes.Add($"The list floor could not be measured: the simulator answered {status?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}.");
                return;
            }

            bytes += body.Length;
            pages++;
            next = ContinueToken(body);
        }
        while (!string.IsNullOrEmpty(next) && pages < 100_000);
        _results.ListFloor = _time.GetElapsedTime(start);
        _results.ListBytes = bytes;
    }

    /// <summary>
    /// <c>metadata.continue</c>, found by text without parsing the items (the simulator may write <c>metadata</c>
    /// after <c>items</c>); an object never holds that key unescaped inside a string.
    /// </summary>
    private static string? ContinueToken(string body)
    {
        const string Key = "\"continue\":\"";
        var at = body.LastIndexOf(Key, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + Key.Length;
        var end = body.IndexOf('"', start);
        // The token is base64: no quote inside, but a JSON encoder may have escaped its '+' or '/'.
        return end > start ? JsonSerializer.Deserialize<string>(body.AsSpan((start - 1)..(end + 1))) : null;
    }

    private async Task MeasureChurnAsync(CancellationToken cancellationToken)
    {
        if (_options.Churn <= 0)
        {
            _results.Notes.Add("Churn 0: no events to measure.");
            return;
        }

        var window = Bounded(_options.ChurnWindow);
        var applied0 = AppliedEvents(await ScrapeGatewayAsync(cancellationToken));
        var produced0 = await SimulatorResourceVersionAsync(cancellationToken);
        var t0 = _time.GetTimestamp();
        await Task.Delay(window, _time, cancellationToken);
        var applied1 = AppliedEvents(await ScrapeGatewayAsync(cancellationToken));
        var produced1 = await SimulatorResourceVersionAsync(cancellationToken);
        var seconds = _time.GetElapsedTime(t0).TotalSeconds;
        if (applied0 is { } a0 && applied1 is { } a1)
        {
            _results.EventsAppliedPerSecond = (a1 - a0) / seconds;
        }

        if (produced0 is { } p0 && produced1 is { } p1)
        {
            // Every write bumps the one global resourceVersion once (kubernetes-api D.1 item 10).
            _results.EventsProducedPerSecond = (p1 - p0) / seconds;
        }

        if (_results.EventsAppliedPerSecond > 1.2 * _results.EventsProducedPerSecond)
        {
            _results.Notes.Add("More watch events were applied than the simulator wrote during the churn window: the gateway was still replaying the events written while it synced.");
        }
    }

    private async Task<PrometheusText?> ScrapeGatewayAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await _client.GetTextAsync(new Uri(_gatewayUri!, "metrics"), cancellationToken);
        if (status != 200)
        {
            return null;
        }

        var text = PrometheusText.Parse(body);
        return text.IsEmpty ? null : text;
    }

    /// <summary>Watch events the gateway received, bookmarks left out.</summary>
    /// <remarks>A counter nobody has incremented yet is not exported at all, so its absence from a scrape is 0.</remarks>
    private static double? AppliedEvents(PrometheusText? metrics) =>
        metrics is null ? null : metrics.Sum("podexport_informer_events_total", labels => !labels.Contains("bookmark", StringComparison.OrdinalIgnoreCase)) ?? 0;

    /// <summary>The managed heap size from the runtime's metrics, whichever instrumentation exports it.</summary>
    private static double? ManagedHeap(PrometheusText? metrics) =>
        metrics?.SumFirst(
            "dotnet_gc_last_collection_heap_size_bytes",
            "process_runtime_dotnet_gc_heap_size_bytes",
            "dotnet_gc_heap_size_bytes");

    private static double? AllocatedBytes(PrometheusText? metrics) =>
        metrics?.SumFirst(
            "dotnet_gc_heap_total_allocated_bytes_total",
            "dotnet_gc_heap_total_allocated_bytes",
            "process_runtime_dotnet_gc_allocations_size_bytes_total",
            "process_runtime_dotnet_gc_allocations_size_bytes");

    /// <summary>The simulator's current resourceVersion: a one-item pod list is served "now" (D.1 item 12).</summary>
    private async Task<long?> SimulatorResourceVersionAsync(CancellationToken cancellationToken)
    {
        var (status, body) = await _client.GetTextAsync(new Uri(_simulatorUri!, "api/v1/pods?limit=1"), cancellationToken, SimulatorToken);
        if (status != 200)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("metadata", out var metadata)
            && metadata.TryGetProperty("resourceVersion", out var rv)
            && long.TryParse(rv.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static bool? ServerGc(string dll)
    {
        var config = Path.ChangeExtension(dll, ".runtimeconfig.json");
        if (!File.Exists(config))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(config));
        return document.RootElement.TryGetProperty("runtimeOptions", out var runtime)
            && runtime.TryGetProperty("configProperties", out var properties)
            && properties.TryGetProperty("System.GC.Server", out var server)
            ? server.GetBoolean()
            : null;
    }
}
