using System.ComponentModel.DataAnnotations;
using PodExport.Simulator.Auth;
using PodExport.Simulator.Faults;

namespace PodExport.Simulator.Hosting;

/// <summary>How to start a <see cref="SimulatorHost"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Loopback port; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Seed for UIDs, the cluster id and the scenario.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Pods the seeded scenario keeps; 0 (the default) runs no scenario.</summary>
    [Range(0, 10_000_000)]
    public int Pods { get; set; }

    /// <summary>Scenario churn in events per second; 0 seeds the scenario without running churn.</summary>
    [Range(0, 1_000_000)]
    public double Churn { get; set; }

    /// <summary>YAML/JSON fixture files loaded at start.</summary>
    public IList<string> Fixtures { get; } = [];

    /// <summary>The <c>--auth-config</c> YAML file.</summary>
    public string? AuthConfigPath { get; set; }

    /// <summary>Users in addition to those of <see cref="AuthConfigPath"/>.</summary>
    public IList<AuthUser> Users { get; } = [];

    /// <summary>Faults active from the start.</summary>
    public IList<FaultRule> Faults { get; } = [];

    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Watch timeout when the request has none; null draws uniform 1800–3600 s like kube-apiserver.</summary>
    public TimeSpan? DefaultWatchTimeout { get; set; }

    /// <summary>How long a request at a future RV waits before 504 TooLarge.</summary>
    public TimeSpan TooLargeWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>When set, requests without this bearer token get 401.</summary>
    public string? RequiredBearerToken { get; set; }

    /// <summary>Events kept before automatic compaction.</summary>
    [Range(10, int.MaxValue)]
    public int HistoryLimit { get; set; } = 50_000;

    /// <summary>Age after which history is compacted; zero or less disables age-based compaction.</summary>
    public TimeSpan HistoryMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock for the store, watches, bookmarks and the scenario.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where request logs go; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
