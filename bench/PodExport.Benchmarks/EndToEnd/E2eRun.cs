using System.Diagnostics;
using System.Globalization;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// One e2e run, phase by phase. Every loop is bounded by a count and by the run's remaining budget; every process
/// it starts is stopped by <see cref="Dispose"/> (and by <see cref="ChildProcesses"/> on a signal).
/// </summary>
public sealed partial class E2eRun : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly E2eOptions _options;
    private readonly E2eResults _results;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly string _workDir;
    private readonly ExportClient _client;
    private ChildProcess? _simulator;
    private ChildProcess? _gateway;
    private ChildProcess? _floor;
    private Uri? _simulatorUri;
    private Uri? _gatewayUri;
    private Uri? _floorUri;
    private string? _kubeconfig;
    private bool _gatewayMetrics;

    public E2eRun(E2eOptions options, E2eResults results, TimeProvider time)
    {
        _options = options;
        _results = results;
        _time = time;
        _start = time.GetTimestamp();
        _workDir = Directory.CreateTempSubdirectory("podexport-e2e-").FullName;
        _client = new ExportClient(options.Clients);
    }

    /// <summary>True once the run's budget is spent.</summary>
    public bool BudgetSpent => Remaining <= TimeSpan.Zero;

    private TimeSpan Remaining => _options.Budget - _time.GetElapsedTime(_start);

    public async Task ExecuteAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Remaining);
        var ct = budget.Token;
        _results.LoadAverageAtStart = LoadAverage();

        Phase("simulator");
        await StartSimulatorAsync(ct);
        if (!_options.SkipMemoryProbe)
        {
            // Before the gateway starts, so that listing and converting every pod here takes no CPU from its sync.
            Phase("store and V1Pod memory, filter throughput (in-process)");
            await InProcessProbe.RunAsync(_simulatorUri!, _options, _results, ct);
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        Phase("list floor (raw paged pod list from the simulator)");
        await MeasureListFloorAsync(ct);
        Phase("gateway and initial sync");
        await StartGatewayAsync(ct);
        Phase("churn");
        await MeasureChurnAsync(ct);

        _results.FilteredQuery ??= _options.Query ?? InProcessProbe.FallbackQuery;
        Phase("export bytes for the floor");
        await PrepareFloorAsync(ct);
        Phase("exports");
        await MeasureExportsAsync(ct);
        Phase("done");
    }

    public void Dispose()
    {
        _floor?.Dispose();
        _gateway?.Dispose();
        _simulator?.Dispose();
        _client.Dispose();
        try
        {
            // The logs stay for a failed run; the export copies are large.
            foreach (var file in Directory.GetFiles(_workDir, "*.jsonl"))
            {
                File.Delete(file);
            }
        }
        catch (IOException)
        {
        }
    }

    private void Phase(string name) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_time.GetElapsedTime(_start).TotalSeconds,6:0.0}s] {name}"));

    /// <summary>Polls until <paramref name="ready"/> holds; throws when the process exits or the timeout passes.</summary>
    private async Task<TimeSpan> WaitUntilAsync(ChildProcess process, Func<CancellationToken, Task<bool>> ready, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = _time.GetTimestamp();
        while (true)
        {
            process.ThrowIfExited();
            if (await ready(cancellationToken))
            {
                return Stopwatch.GetElapsedTime(process.StartedAt);
            }

            if (_time.GetElapsedTime(deadline) > timeout)
            {
                throw new TimeoutException($"{process.Name}: {what} not reached within {timeout.TotalSeconds:0} s. Last output:\n{process.Tail()}");
            }

            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    private async Task<bool> IsStatusAsync(Uri uri, int? status, CancellationToken cancellationToken)
    {
        var (actual, _) = await _client.GetTextAsync(uri, cancellationToken);
        return status is null ? actual is not null : actual == status;
    }

    private TimeSpan Bounded(TimeSpan wanted) => wanted < Remaining ? wanted : Remaining;

    private string LogPath(string name) => Path.Combine(_workDir, name + ".log");

    private static string? LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]}";
        }
        catch (IOException)
        {
            return null;
        }
    }
}
