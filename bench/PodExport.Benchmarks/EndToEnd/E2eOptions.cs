using System.Globalization;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>Settings of one e2e run, from the command line.</summary>
public sealed record E2eOptions
{
    /// <summary>Pods the simulator seeds.</summary>
    public int Pods { get; init; } = 100_000;

    /// <summary>Concurrent clients of the concurrent phases (the single-client phases always run too).</summary>
    public int Clients { get; init; } = 32;

    /// <summary>Simulator churn, events per second.</summary>
    public double Churn { get; init; } = 50;

    /// <summary>How long the churn rate is observed after the initial sync.</summary>
    public TimeSpan ChurnWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Measured single-client exports per scenario (each against the gateway and the floor); 0 = by size.</summary>
    public int Iterations { get; init; }

    /// <summary>Concurrent rounds per scenario; 0 = by size.</summary>
    public int Rounds { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Markdown results file; the repository's bench/results/latest.md when unset.</summary>
    public string? Out { get; init; }

    /// <summary>Explicit builds to run; found under src/*/bin when unset.</summary>
    public string? ServerDll { get; init; }

    public string? SimulatorDll { get; init; }

    /// <summary>The whole run's budget; phases shrink to fit and the run stops when it is spent.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(9.5);

    /// <summary>The filtered scenario's query; chosen from the data to match about 10 % when unset.</summary>
    public string? Query { get; init; }

    /// <summary>Extra environment of the gateway process (<c>--gateway-env KEY=VALUE</c>), e.g. to try a GC setting.</summary>
    public IReadOnlyDictionary<string, string> GatewayEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Skips the in-process store/V1Pod memory probe (it holds every pod twice in this process).</summary>
    public bool SkipMemoryProbe { get; init; }

    public static string Usage =>
        """
        e2e [--pods N] [--clients C] [--churn EVENTS_PER_S] [--churn-seconds S] [--iterations I] [--rounds R]
            [--seed S] [--out PATH] [--server-dll PATH] [--simulator-dll PATH] [--budget-minutes M] [--query TEXT] [--gateway-env KEY=VALUE]... [--no-memory-probe]
        """;

    public static E2eOptions Parse(IReadOnlyList<string> args)
    {
        var options = new E2eOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--pods" => options with { Pods = Positive(name, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--clients" => options with { Clients = Positive(name, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--churn" => options with { Churn = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--churn-seconds" => options with { ChurnWindow = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--iterations" => options with { Iterations = Positive(name, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--rounds" => options with { Rounds = Positive(name, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => options with { Out = Next() },
                "--server-dll" => options with { ServerDll = Next() },
                "--simulator-dll" => options with { SimulatorDll = Next() },
                "--budget-minutes" => options with { Budget = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--query" => options with { Query = Next() },
                "--gateway-env" => options with { GatewayEnvironment = WithSetting(options.GatewayEnvironment, Next()) },
                "--no-memory-probe" => options with { SkipMemoryProbe = true },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        return options;
    }

    private static Dictionary<string, string> WithSetting(IReadOnlyDictionary<string, string> settings, string setting)
    {
        var equals = setting.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--gateway-env wants KEY=VALUE, not '{setting}'.");
        }

        return new Dictionary<string, string>(settings, StringComparer.Ordinal) { [setting[..equals]] = setting[(equals + 1)..] };
    }

    private static int Positive(string name, int value) =>
        value > 0 ? value : throw new ArgumentException($"{name} must be positive.");
}
