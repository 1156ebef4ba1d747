using PodExport.Model.Wire;

namespace PodExport.Model.Json;

/// <summary>
/// Formats a <see cref="Timestamp"/> as protojson does (export-api W-21): RFC 3339 in UTC with <c>Z</c>, and 0, 3,
/// 6 or 9 fraction digits, the fewest that hold the nanoseconds exactly.
/// </summary>
public static class Rfc3339
{
    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffffffffZ</c>.</summary>
    public const int MaxLength = 30;

    /// <summary>0001-01-01T00:00:00Z, the first second protojson accepts.</summary>
    public const long MinSeconds = -62_135_596_800;

    /// <summary>9999-12-31T23:59:59Z, the last second protojson accepts.</summary>
    public const long MaxSeconds = 253_402_300_799;

    private const int NanosPerSecond = 1_000_000_000;

    /// <summary>True when protojson can write the value: years 0001 to 9999, nanoseconds 0 to 999 999 999.</summary>
    public static bool IsValid(Timestamp value) =>
        value.Seconds is >= MinSeconds and <= MaxSeconds && (uint)value.Nanos < NanosPerSecond;

    /// <summary>The RFC 3339 text, e.g. <c>2024-05-01T10:00:00.250Z</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside what protojson can write.</exception>
    public static string Format(Timestamp value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var length = Format(value, buffer);
        return string.Create(length, buffer[..length], static (chars, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }
        });
    }

    /// <summary>Writes the ASCII text into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes).</summary>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside what protojson can write.</exception>
    public static int Format(Timestamp value, Span<byte> destination)
    {
        // protojson refuses to marshal such a value; writing something else would not be StackRox's bytes.
        if (!IsValid(value))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                $"Timestamp {value.Seconds}s {value.Nanos}ns is outside 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, MaxLength, nameof(destination));

        var date = new DateTime(DateTime.UnixEpoch.Ticks + (value.Seconds * TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        date.Deconstruct(out var year, out var month, out var day);
        var secondOfDay = (int)(date.Ticks / TimeSpan.TicksPerSecond % 86_400);

        WriteDigits(destination[..4], year);
        destination[4] = (byte)'-';
        WriteDigits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        WriteDigits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
        WriteDigits(destination.Slice(11, 2), secondOfDay / 3600);
        destination[13] = (byte)':';
        WriteDigits(destination.Slice(14, 2), secondOfDay / 60 % 60);
        destination[16] = (byte)':';
        WriteDigits(destination.Slice(17, 2), secondOfDay % 60);
        var position = 19;

        var nanos = value.Nanos;
        if (nanos != 0)
        {
            destination[position++] = (byte)'.';
            if (nanos % 1_000_000 == 0)
            {
                WriteDigits(destination.Slice(position, 3), nanos / 1_000_000);
                position += 3;
            }
            else if (nanos % 1_000 == 0)
            {
                WriteDigits(destination.Slice(position, 6), nanos / 1_000);
                position += 6;
            }
            else
            {
                WriteDigits(destination.Slice(position, 9), nanos);
                position += 9;
            }
        }

        destination[position++] = (byte)'Z';
        return position;
    }

    /// <summary>
    /// Parses what <see cref="Format(Timestamp, Span{byte})"/> writes: <c>yyyy-MM-ddTHH:mm:ss</c>, an optional
    /// fraction of 1 to 9 digits, and <c>Z</c>.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out Timestamp value)
    {
        value = default;
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[^1] != 'Z')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var nanos = 0;
        var fraction = text[19..^1];
        if (fraction.Length > 0)
        {
            if (fraction.Length < 2 || fraction.Length > 10 || fraction[0] != '.' || !TryDigits(fraction[1..], out nanos))
            {
                return false;
            }

            for (var i = fraction.Length - 1; i < 9; i++)
            {
                nanos *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var date = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        value = new Timestamp((date.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond, nanos);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
