using PodExport.Model.Wire;
using PodExport.Server.Options;

namespace PodExport.Server.Export;

/// <summary>
/// <c>Export:MaxConcurrentExports</c> and <c>Export:MaxConcurrentExportsPerCaller</c> (service.md S-10), checked once
/// the caller is known. A lease is held until the export ends. Without authentication every caller is
/// <c>anonymous</c>, which names no one: only the global limit applies then, or the per-caller limit would silently
/// become the server's limit.
/// </summary>
public sealed class ExportConcurrencyLimiter
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _perCaller = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>Exports running now.</summary>
    public int Running
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>A lease to dispose when the export ends, or null and the 429 status.</summary>
    public IDisposable? TryAcquire(ExportCaller caller, ExportOptions options, out RpcStatus? rejection)
    {
        lock (_lock)
        {
            if (_total >= options.MaxConcurrentExports)
            {
                rejection = ExportErrors.TooManyExports;
                return null;
            }

            _perCaller.TryGetValue(caller.Name, out var mine);
            if (mine >= options.MaxConcurrentExportsPerCaller && caller != ExportCaller.Anonymous)
            {
                rejection = ExportErrors.TooManyExportsForCaller;
                return null;
            }

            _perCaller[caller.Name] = mine + 1;
            _total++;
        }

        rejection = null;
        return new Lease(this, caller.Name);
    }

    private void Release(string caller)
    {
        lock (_lock)
        {
            _total--;
            var left = _perCaller[caller] - 1;
            if (left == 0)
            {
                _perCaller.Remove(caller);
            }
            else
            {
                _perCaller[caller] = left;
            }
        }
    }

    private sealed class Lease(ExportConcurrencyLimiter owner, string caller) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(caller);
            }
        }
    }
}
