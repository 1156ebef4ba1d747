using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Wire;

public sealed class TimestampTests
{
    [Fact]
    public void FromDateTime_Utc_KeepsSecondsAndTicksAsNanos()
    {
        var value = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);

        Assert.Equal(new Timestamp(1_714_557_600, 123_456_700), Timestamp.FromDateTime(value));
    }

    [Fact]
    public void FromDateTime_Unspecified_IsTakenAsUtc()
    {
        var value = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(new Timestamp(1_714_557_600, 0), Timestamp.FromDateTime(value));
    }

    [Fact]
    public void FromDateTime_Local_IsConvertedToUtc()
    {
        var utc = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);

        Assert.Equal(new Timestamp(1_714_557_600, 0), Timestamp.FromDateTime(utc.ToLocalTime()));
    }

    [Theory]
    [InlineData(-1, -1L, 999_999_900)]
    [InlineData(-10_000_000, -1L, 0)]
    [InlineData(-10_000_001, -2L, 999_999_900)]
    [InlineData(-15_000_000, -2L, 500_000_000)]
    public void FromDateTime_BeforeEpoch_KeepsNanosNonNegative(long ticksFromEpoch, long seconds, int nanos)
    {
        var value = DateTime.UnixEpoch.AddTicks(ticksFromEpoch);

        Assert.Equal(new Timestamp(seconds, nanos), Timestamp.FromDateTime(value));
    }

    [Fact]
    public void FromDateTime_RangeEnds_MatchProtojsonLimits()
    {
        Assert.Equal(new Timestamp(-62_135_596_800, 0), Timestamp.FromDateTime(DateTime.MinValue));
        Assert.Equal(new Timestamp(253_402_300_799, 999_999_900), Timestamp.FromDateTime(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)));
    }

    [Fact]
    public void FromDateTimeOffset_Offset_IsNormalisedToUtc()
    {
        var value = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2));

        Assert.Equal(new Timestamp(1_714_557_600, 0), Timestamp.FromDateTimeOffset(value));
    }

    [Fact]
    public void FromNullable_NullAndValue_MapAsExpected()
    {
        Assert.Null(Timestamp.FromNullable(null));
        Assert.Equal(new Timestamp(0, 0), Timestamp.FromNullable(DateTime.UnixEpoch));
    }

    [Fact]
    public void ToDateTimeOffset_RoundTrip_TruncatesToTicks()
    {
        var original = new DateTimeOffset(1969, 7, 20, 20, 17, 40, TimeSpan.Zero).AddTicks(1);

        Assert.Equal(original, Timestamp.FromDateTimeOffset(original).ToDateTimeOffset());
        Assert.Equal(DateTimeOffset.UnixEpoch, new Timestamp(0, 99).ToDateTimeOffset());
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(1), new Timestamp(0, 199).ToDateTimeOffset());
    }

    [Fact]
    public void CompareTo_SecondsThenNanos_OrdersChronologically()
    {
        Timestamp[] ordered = [new(-2, 999_999_999), new(-1, 0), new(-1, 1), new(0, 0), new(0, 999_999_999), new(1, 0)];

        for (var i = 0; i < ordered.Length; i++)
        {
            for (var j = 0; j < ordered.Length; j++)
            {
                Assert.Equal(Math.Sign(i.CompareTo(j)), Math.Sign(ordered[i].CompareTo(ordered[j])));
                Assert.Equal(i < j, ordered[i] < ordered[j]);
                Assert.Equal(i > j, ordered[i] > ordered[j]);
                Assert.Equal(i <= j, ordered[i] <= ordered[j]);
                Assert.Equal(i >= j, ordered[i] >= ordered[j]);
                Assert.Equal(i == j, ordered[i] == ordered[j]);
            }
        }
    }

    [Fact]
    public void CompareTo_MatchesDateTimeOrder()
    {
        var a = new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc);
        var b = a.AddTicks(1);

        Assert.True(Timestamp.FromDateTime(a) < Timestamp.FromDateTime(b));
        Assert.True(Timestamp.FromDateTime(a.AddYears(-100)) < Timestamp.FromDateTime(a));
    }
}
