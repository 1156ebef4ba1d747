namespace PodExport.Benchmarks.EndToEnd;

/// <summary>Everything one e2e run measured; null where a phase did not run or the product does not expose it.</summary>
public sealed class E2eResults(E2eOptions options)
{
    public const string Gateway = "gateway";
    public const string Floor = "floor";
    public const string Full = "full";
    public const string Filtered = "filtered";

    public E2eOptions Options { get; } = options;

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public TimeSpan? Total { get; set; }

    public string? LoadAverageAtStart { get; set; }

    public bool? GatewayServerGc { get; set; }

    /// <summary>Simulator launch until its API answers (seeding included).</summary>
    public TimeSpan? SimulatorStart { get; set; }

    /// <summary>Gateway launch until <c>/healthz</c> answers.</summary>
    public TimeSpan? GatewayUp { get; set; }

    /// <summary>Gateway launch until <c>/readyz</c> is 200: the initial sync as an operator sees it.</summary>
    public TimeSpan? Sync { get; set; }

    /// <summary>Fetching every pod page raw from the simulator (500 per page), without deserializing.</summary>
    public TimeSpan? ListFloor { get; set; }

    public long? ListBytes { get; set; }

    /// <summary>The gateway's CPU time from launch until <c>/readyz</c> was 200.</summary>
    public TimeSpan? SyncCpu { get; set; }

    public double? EventsAppliedPerSecond { get; set; }

    public double? EventsProducedPerSecond { get; set; }

    public long? GatewayRssAfterSync { get; set; }

    /// <summary>The gateway's VmHWM when it became ready: the initial list's peak, which sizes the memory limit.</summary>
    public long? GatewayPeakRssBySync { get; set; }

    public double? GatewayManagedAfterSync { get; set; }

    public long? PodsInGateway { get; set; }

    public string? FilteredQuery { get; set; }

    public Dictionary<(string Target, string Scenario, int Clients), LoadResult> Loads { get; } = [];

    /// <summary>The gateway's memory while the concurrent full exports ran.</summary>
    public MemoryPeak? ConcurrentMemory { get; set; }

    /// <summary>The gateway's managed allocations per exported pod (1 client, full export), when its metrics expose them.</summary>
    public double? AllocatedBytesPerExportedPod { get; set; }

    public StoreMemory? StoreMemory { get; set; }

    public StoreBreakdown? StoreBreakdown { get; set; }

    /// <summary>The bound predicate per pod, as the export loop calls it.</summary>
    public FilterThroughput? Filter { get; set; }

    /// <summary>The same query through <c>PodQuery.Filter</c>, which prefetches records ahead.</summary>
    public FilterThroughput? FilterPrefetch { get; set; }

    public List<string> Notes { get; } = [];

    public LoadResult? Load(string target, string scenario, int clients) =>
        Loads.TryGetValue((target, scenario, clients), out var result) ? result : null;

    /// <summary>Gateway throughput over the floor's on the same bytes with the same client.</summary>
    public double? Ratio(string scenario, int clients) =>
        Load(Gateway, scenario, clients) is { } gateway && Load(Floor, scenario, clients) is { } floor && floor.MegabytesPerSecond > 0
            ? gateway.MegabytesPerSecond / floor.MegabytesPerSecond
            : null;
}
