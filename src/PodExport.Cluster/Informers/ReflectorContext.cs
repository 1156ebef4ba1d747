using k8s;
using Microsoft.Extensions.Logging;

namespace PodExport.Cluster.Informers;

/// <summary>
/// What every reflector of one informer set shares: the one client (creating clients per loop leaks, csharp#1539),
/// settings, clock, randomness, metrics, and the gate that serializes handler calls across kinds.
/// </summary>
public sealed class ReflectorContext
{
    public required IKubernetes Client { get; init; }

    public required InformerOptions Options { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Watch timeouts and backoff jitter. Shared by every loop, so reads are locked on it.</summary>
    public required Random Random { get; init; }

    public required InformerMetrics Metrics { get; init; }

    public required ILogger Logger { get; init; }

    public BackoffPolicy Backoff { get; init; } = BackoffPolicy.Default;

    /// <summary>Handlers of all kinds are called under this lock, so the pipeline sees one ordered stream of changes.</summary>
    public Lock HandlerGate { get; init; } = new();

    /// <summary>Test hook: told about every step of every loop (list applied, watch started/ended, waits).</summary>
    internal Action<ReflectorSignal>? Observer { get; init; }

    internal int NextRandom(int minInclusive, int maxExclusive)
    {
        lock (Random)
        {
            return Random.Next(minInclusive, maxExclusive);
        }
    }
}
