using System.Text;
using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Json;

public sealed class Rfc3339Tests
{
    /// <summary>Protojson's form of each value: the fewest of 0, 3, 6 or 9 fraction digits that keep it exact.</summary>
    public static TheoryData<long, int, string> Examples => new()
    {
        { 1_714_557_600L, 0, "2024-05-01T10:00:00Z" },
        { 1_714_557_600L, 250_000_000, "2024-05-01T10:00:00.250Z" },
        { 1_714_557_600L, 100_000, "2024-05-01T10:00:00.000100Z" },
        { 1_714_557_600L, 1, "2024-05-01T10:00:00.000000001Z" },
        { 1_714_557_600L, 1_000, "2024-05-01T10:00:00.000001Z" },
        { 1_714_557_600L, 1_000_000, "2024-05-01T10:00:00.001Z" },
        { 1_714_557_600L, 10_000_000, "2024-05-01T10:00:00.010Z" },
        { 1_714_557_600L, 999_999_999, "2024-05-01T10:00:00.999999999Z" },
        { 1_714_557_600L, 123_456_700, "2024-05-01T10:00:00.123456700Z" },
        { 0L, 0, "1970-01-01T00:00:00Z" },
        { -1L, 0, "1969-12-31T23:59:59Z" },
        { -1L, 500_000_000, "1969-12-31T23:59:59.500Z" },
        { 951_782_400L, 0, "2000-02-29T00:00:00Z" },
        { -62_135_596_800L, 0, "0001-01-01T00:00:00Z" },
        { 253_402_300_799L, 999_999_999, "9999-12-31T23:59:59.999999999Z" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void TryParse_FormattedValue_ReadsItBack(long seconds, int nanos, string text)
    {
        Assert.True(Rfc3339.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(new Timestamp(seconds, nanos), value);
    }

    [Theory]
    [InlineData("2024-05-01T10:00:00.25Z", 250_000_000)]
    [InlineData("2024-05-01T10:00:00.1234567Z", 123_456_700)]
    public void TryParse_OtherFractionLengths_ScaleToNanos(string text, int nanos)
    {
        Assert.True(Rfc3339.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(new Timestamp(1_714_557_600, nanos), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-05-01T10:00:00")]
    [InlineData("2024-05-01 10:00:00Z")]
    [InlineData("2024-05-01T10:00:00+02:00")]
    [InlineData("2024-05-01T10:00:00.Z")]
    [InlineData("2024-05-01T10:00:00.1234567890Z")]
    [InlineData("2024-13-01T10:00:00Z")]
    [InlineData("2023-02-29T10:00:00Z")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("0000-05-01T10:00:00Z")]
    [InlineData("2024-05-0xT10:00:00Z")]
    public void TryParse_NotProtojsonTime_False(string text)
    {
        Assert.False(Rfc3339.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Format_Value_WritesFewestExactFractionDigits(long seconds, int nanos, string expected)
    {
        var value = new Timestamp(seconds, nanos);
        Span<byte> buffer = stackalloc byte[Rfc3339.MaxLength];

        var length = Rfc3339.Format(value, buffer);

        Assert.Equal(expected, Encoding.ASCII.GetString(buffer[..length]));
        Assert.Equal(expected, Rfc3339.Format(value));
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [InlineData(-62_135_596_801L, 0)]
    [InlineData(253_402_300_800L, 0)]
    [InlineData(0L, -1)]
    [InlineData(0L, 1_000_000_000)]
    [InlineData(long.MinValue, 0)]
    [InlineData(long.MaxValue, 0)]
    public void Format_OutOfRange_Throws(long seconds, int nanos)
    {
        var value = new Timestamp(seconds, nanos);

        Assert.False(Rfc3339.IsValid(value));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rfc3339.Format(value));
        Assert.Contains("out of range", value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ShortDestination_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rfc3339.Format(new Timestamp(0, 0), new byte[Rfc3339.MaxLength - 1]));
    }

    [Fact]
    public void Format_EveryDayOf2024_MatchesDateTimeFormatting()
    {
        var start = new DateTime(2023, 12, 31, 23, 59, 59, DateTimeKind.Utc);
        for (var day = 0; day < 368; day++)
        {
            var instant = start.AddDays(day).AddSeconds(day * 97);
            var expected = instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

            Assert.Equal(expected, Rfc3339.Format(Timestamp.FromDateTime(instant)));
        }
    }
}
