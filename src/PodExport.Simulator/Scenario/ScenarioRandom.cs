using System.Globalization;

namespace PodExport.Simulator.Scenario;

/// <summary>
/// Every random choice of the scenario, from one seeded <see cref="Random"/>: the engine stays deterministic only
/// as long as nothing else (no Guid.NewGuid, no wall clock) feeds it.
/// </summary>
internal sealed class ScenarioRandom(int seed)
{
    // The alphabet Kubernetes uses for generated name suffixes and pod-template hashes (no vowels, no 0/1/3).
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public double NextDouble() => _random.NextDouble();

    public bool Chance(double probability) => probability > 0 && _random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A duration between the two bounds, to the millisecond.</summary>
    public TimeSpan Between(TimeSpan min, TimeSpan max) =>
        min + TimeSpan.FromMilliseconds(Math.Floor(_random.NextDouble() * (max - min).TotalMilliseconds));

    public TimeSpan Seconds(double min, double max) => Between(TimeSpan.FromSeconds(min), TimeSpan.FromSeconds(max));

    /// <summary>An exponentially distributed delay with the given mean (a Poisson process).</summary>
    public TimeSpan Exponential(TimeSpan mean) =>
        TimeSpan.FromMilliseconds(Math.Ceiling(-Math.Log(1 - _random.NextDouble()) * mean.TotalMilliseconds));

    /// <summary>A version-4 shaped UUID, lowercase, as Kubernetes writes <c>metadata.uid</c>.</summary>
    public string Uid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D", CultureInfo.InvariantCulture);
    }

    /// <summary>64 lowercase hex digits: a container ID or a sha256 digest.</summary>
    public string Hex64()
    {
        Span<byte> bytes = stackalloc byte[32];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>A generated-name suffix (<c>-x2k8p</c> without the dash) or a pod-template hash.</summary>
    public string Suffix(int length)
    {
        return string.Create(length, _random, static (span, random) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = NameAlphabet[random.Next(NameAlphabet.Length)];
            }
        });
    }
}
