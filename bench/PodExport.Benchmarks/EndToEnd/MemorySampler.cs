namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// Follows a process's memory while a phase runs: RSS every 20 ms from /proc plus the kernel's own peak (VmHWM,
/// reset at the start), and the managed heap from its metrics every 500 ms where it exposes them.
/// </summary>
public sealed class MemorySampler(int pid, Func<CancellationToken, Task<PrometheusText?>>? scrape, TimeProvider time) : IAsyncDisposable
{
    private static readonly TimeSpan RssInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MetricsInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<PrometheusText> _scrapes = [];
    private Task? _loop;
    private volatile bool _active;
    private long _rssBefore;
    private long _rssPeak;
    private bool _kernelPeak;

    /// <summary>Starts (or resumes) sampling; the first call takes the "before" figures.</summary>
    public void Start()
    {
        if (_loop is null)
        {
            _rssBefore = ProcessMemory.Read(pid).Rss;
            _rssPeak = _rssBefore;
            _kernelPeak = ProcessMemory.ResetPeak(pid);
            _loop = Task.Run(() => LoopAsync(_stop.Token));
        }

        _active = true;
    }

    /// <summary>Pauses sampling while the process is not the one being measured.</summary>
    public void Pause() => _active = false;

    public async Task<MemoryPeak> StopAsync(Func<PrometheusText?, double?> managedHeap, Func<PrometheusText?, double?> allocated)
    {
        _active = false;
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        var now = ProcessMemory.Read(pid);
        var peak = Math.Max(Interlocked.Read(ref _rssPeak), _kernelPeak ? now.PeakRss : 0);
        PrometheusText[] scrapes;
        lock (_scrapes)
        {
            scrapes = [.. _scrapes];
        }

        var heaps = scrapes.Select(managedHeap).OfType<double>().ToArray();
        var allocations = scrapes.Select(allocated).OfType<double>().ToArray();
        return new MemoryPeak(
            _rssBefore,
            peak,
            heaps.Length > 0 ? heaps[0] : null,
            heaps.Length > 0 ? heaps.Max() : null,
            allocations.Length > 1 ? allocations[^1] - allocations[0] : null,
            _kernelPeak);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var lastScrape = long.MinValue;
        try
        {
            if (scrape is not null && await scrape(cancellationToken) is { } first)
            {
                lock (_scrapes)
                {
                    _scrapes.Add(first);
                }
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                if (_active)
                {
                    var rss = ProcessMemory.Read(pid).Rss;
                    if (rss > Interlocked.Read(ref _rssPeak))
                    {
                        Interlocked.Exchange(ref _rssPeak, rss);
                    }

                    if (scrape is not null && (lastScrape == long.MinValue || time.GetElapsedTime(lastScrape) >= MetricsInterval))
                    {
                        lastScrape = time.GetTimestamp();
                        if (await scrape(cancellationToken) is { } text)
                        {
                            lock (_scrapes)
                            {
                                _scrapes.Add(text);
                            }
                        }
                    }
                }

                await Task.Delay(RssInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
