using PodExport.Model.Json;

namespace PodExport.Model.Wire;

/// <summary>
/// A point in time as protobuf's <c>google.protobuf.Timestamp</c> holds it: seconds since the Unix epoch and
/// nanoseconds. <see cref="DateTime"/> ticks (100 ns) cannot hold every value the wire format can (export-api W-21).
/// </summary>
public readonly record struct Timestamp(long Seconds, int Nanos) : IComparable<Timestamp>
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private const int NanosPerTick = 100;

    /// <summary>Converts a UTC (or unspecified, taken as UTC) <see cref="DateTime"/>.</summary>
    public static Timestamp FromDateTime(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        var seconds = Math.DivRem(ticks, TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TicksPerSecond;
        }

        return new Timestamp(seconds, (int)(remainder * NanosPerTick));
    }

    public static Timestamp FromDateTimeOffset(DateTimeOffset value) => FromDateTime(value.UtcDateTime);

    /// <summary>Converts an optional Kubernetes time; absent stays absent (pod-model M-4).</summary>
    public static Timestamp? FromNullable(DateTime? value) => value is { } v ? FromDateTime(v) : null;

    /// <summary>The instant, truncated to 100 ns ticks.</summary>
    public DateTimeOffset ToDateTimeOffset() =>
        new(DateTime.UnixEpoch.Ticks + (Seconds * TicksPerSecond) + (Nanos / NanosPerTick), TimeSpan.Zero);

    /// <summary>The RFC 3339 form the wire uses (export-api W-21), or the raw fields when it has none.</summary>
    public override string ToString() =>
        Rfc3339.IsValid(this) ? Rfc3339.Format(this) : $"{Seconds}s {Nanos}ns (out of range)";

    public int CompareTo(Timestamp other)
    {
        var bySeconds = Seconds.CompareTo(other.Seconds);
        return bySeconds != 0 ? bySeconds : Nanos.CompareTo(other.Nanos);
    }

    public static bool operator <(Timestamp left, Timestamp right) => left.CompareTo(right) < 0;

    public static bool operator >(Timestamp left, Timestamp right) => left.CompareTo(right) > 0;

    public static bool operator <=(Timestamp left, Timestamp right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Timestamp left, Timestamp right) => left.CompareTo(right) >= 0;
}
