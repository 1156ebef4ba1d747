using System.Globalization;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>The floor's bytes and process, and the export scenarios, gateway and floor interleaved round by round.</summary>
public sealed partial class E2eRun
{
    /// <summary>Bytes each single-client scenario aims to move per target, which sets its iteration count.</summary>
    private const double SingleClientBytes = 2e9;

    /// <summary>Bytes each concurrent scenario aims to move per target.</summary>
    private const double ConcurrentBytes = 4e9;

    private const int WarmupExports = 5;

    private long _fullBytes;
    private long _filteredBytes;

    private Uri GatewayExport(string scenario) => scenario == E2eResults.Full
        ? new Uri(_gatewayUri!, "v1/export/pods")
        : new Uri(_gatewayUri!, "v1/export/pods?query=" + Uri.EscapeDataString(_results.FilteredQuery!));

    private Uri FloorExport(string scenario) => new(_floorUri!, scenario);

    private async Task PrepareFloorAsync(CancellationToken cancellationToken)
    {
        // Downloading the floor's bytes from the gateway also warms the gateway's export path.
        var full = Path.Combine(_workDir, "full.jsonl");
        var filtered = Path.Combine(_workDir, "filtered.jsonl");
        var fullSample = await _client.DownloadAsync(GatewayExport(E2eResults.Full), full, cancellationToken);
        var filteredSample = await _client.DownloadAsync(GatewayExport(E2eResults.Filtered), filtered, cancellationToken);
        _fullBytes = fullSample.Bytes;
        _filteredBytes = filteredSample.Bytes;
        _results.PodsInGateway = fullSample.Lines;
        if (fullSample.Lines == 0)
        {
            throw new InvalidOperationException("The gateway's full export is empty.");
        }

        if (filteredSample.Lines == 0)
        {
            _results.Notes.Add($"The filtered query matched no pod in the gateway; the filtered figures measure empty exports.");
        }

        var port = FreePort.Next();
        _floorUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_results.GatewayServerGc is { } serverGc)
        {
            // Same GC flavour as the gateway, so the two servers differ only in what they do per request.
            environment["DOTNET_gcServer"] = serverGc ? "1" : "0";
        }

        _floor = ChildProcess.Start(
            "floor",
            BuildLocator.DotnetHost(),
            [BuildLocator.BenchmarkDll(), FloorServer.Name, "--port", port.ToString(CultureInfo.InvariantCulture), "--full", full, "--filtered", filtered],
            LogPath("floor"),
            environment);
        var readyz = new Uri(_floorUri, "readyz");
        await WaitUntilAsync(_floor, ct => IsStatusAsync(readyz, 200, ct), Bounded(TimeSpan.FromSeconds(60)), "/readyz 200", cancellationToken);

        // Warm both servers alike before anything is measured: tiered JIT promotes a per-request method only after
        // about 30 calls, so a single download leaves the first measured phase paying for the recompilation.
        for (var i = 0; i < WarmupExports; i++)
        {
            foreach (var scenario in (string[])[E2eResults.Full, E2eResults.Filtered])
            {
                await _client.ExportAsync(GatewayExport(scenario), cancellationToken);
                await _client.ExportAsync(FloorExport(scenario), cancellationToken);
            }
        }
    }

    private async Task MeasureExportsAsync(CancellationToken cancellationToken)
    {
        var c = _options.Clients;
        var singleFull = _options.Iterations > 0 ? _options.Iterations : Count(SingleClientBytes, _fullBytes, 3, 20);
        var singleFiltered = _options.Iterations > 0 ? _options.Iterations : Count(SingleClientBytes, _filteredBytes, 3, 120);
        var concurrentFull = _options.Rounds > 0 ? _options.Rounds : Count(ConcurrentBytes, _fullBytes * c, 1, 5);
        var concurrentFiltered = _options.Rounds > 0 ? _options.Rounds : Count(ConcurrentBytes, _filteredBytes * c, 1, 8);

        // Shares of what is left of the budget, so a slow machine shortens the phases instead of being killed.
        await ScenarioAsync(E2eResults.Full, 1, singleFull, 0.20, null, cancellationToken);
        await ScenarioAsync(E2eResults.Filtered, 1, singleFiltered, 0.15, null, cancellationToken);
        if (c > 1)
        {
            await using var sampler = _gateway is { } gateway
                ? new MemorySampler(gateway.Id, _gatewayMetrics ? ct => ScrapeGatewayAsync(ct) : null, _time)
                : null;
            await ScenarioAsync(E2eResults.Full, c, concurrentFull, 0.6, sampler, cancellationToken);
            _results.ConcurrentMemory = sampler is null ? null : await sampler.StopAsync(ManagedHeap, AllocatedBytes);
            await ScenarioAsync(E2eResults.Filtered, c, concurrentFiltered, 0.9, null, cancellationToken);
        }
        else
        {
            _results.Notes.Add("--clients 1: the concurrent scenarios and the RSS growth under concurrency were not measured.");
        }
    }

    /// <summary>
    /// Runs <paramref name="rounds"/> rounds of <paramref name="clients"/> simultaneous exports, gateway then floor
    /// each time, so that drift on the shared machine (other load, churn, GC) hits both alike.
    /// </summary>
    private async Task ScenarioAsync(string scenario, int clients, int rounds, double budgetShare, MemorySampler? gatewaySampler, CancellationToken cancellationToken)
    {
        var gateway = new LoadResult(E2eResults.Gateway, scenario, clients);
        var floor = new LoadResult(E2eResults.Floor, scenario, clients);
        _results.Loads[(E2eResults.Gateway, scenario, clients)] = gateway;
        _results.Loads[(E2eResults.Floor, scenario, clients)] = floor;
        var phaseBudget = Remaining * budgetShare;
        var phaseStart = _time.GetTimestamp();
        double? allocated = null;
        for (var round = 0; round < rounds && (round == 0 || _time.GetElapsedTime(phaseStart) < phaseBudget); round++)
        {
            var before = clients == 1 && scenario == E2eResults.Full && _gatewayMetrics ? AllocatedBytes(await ScrapeGatewayAsync(cancellationToken)) : null;
            gatewaySampler?.Start();
            var gatewayCpu = ProcessCpu.Read(_gateway!.Id);
            var (gatewaySamples, gatewayWall) = await RoundAsync(GatewayExport(scenario), clients, cancellationToken);
            gatewayCpu = ProcessCpu.Read(_gateway.Id) - gatewayCpu;
            gatewaySampler?.Pause();
            if (before is { } b && AllocatedBytes(await ScrapeGatewayAsync(cancellationToken)) is { } after)
            {
                allocated = (allocated ?? 0) + (after - b);
            }

            gateway.AddRound(gatewaySamples, gatewayWall, gatewayCpu);
            var floorCpu = ProcessCpu.Read(_floor!.Id);
            var (floorSamples, floorWall) = await RoundAsync(FloorExport(scenario), clients, cancellationToken);
            floor.AddRound(floorSamples, floorWall, ProcessCpu.Read(_floor.Id) - floorCpu);
        }

        if (allocated is { } total && gateway.Pods > 0)
        {
            _results.AllocatedBytesPerExportedPod = total / gateway.Pods;
        }

        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"         {scenario} × {clients}: gateway {gateway.MegabytesPerSecond:0} MB/s, floor {floor.MegabytesPerSecond:0} MB/s ({gateway.Rounds} rounds)"));
    }

    private async Task<(IReadOnlyList<ExportSample> Samples, TimeSpan Wall)> RoundAsync(Uri uri, int clients, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        var tasks = new Task<ExportSample>[clients];
        for (var i = 0; i < clients; i++)
        {
            tasks[i] = _client.ExportAsync(uri, cancellationToken);
        }

        var samples = await Task.WhenAll(tasks);
        return (samples, _time.GetElapsedTime(start));
    }

    private static int Count(double targetBytes, long bytesPerRound, int min, int max) =>
        bytesPerRound <= 0 ? min : (int)Math.Clamp(Math.Ceiling(targetBytes / bytesPerRound), min, max);
}
