using System.Text;
using System.Text.Json;
using k8s;
using PodExport.Cluster.Connection;

namespace PodExport.Cluster.Tests.Connection;

public sealed class UtcTimestampConverterTests
{
    [Theory]
    [InlineData("2026-11-20T08:14:03Z")]
    [InlineData("2026-11-20T08:14:03.123456Z")]
    [InlineData("2026-11-20T08:14:03.1234567Z")]
    [InlineData("2026-11-20T08:14:03.123456789Z")]
    [InlineData("2026-11-20T08:14:03.1Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("2026-11-20T10:14:03+02:00")]
    [InlineData("2026-11-20T08:14:03.123456+00:00")]
    public void UtcTimestampConverter_ApiServerTimestamp_ReadsAsTheClientDoes(string timestamp)
    {
        var expected = Read(new KubernetesJson.KubernetesDateTimeConverter(), timestamp);

        var actual = Read(new UtcTimestampConverter(), timestamp);

        Assert.Equal((expected, expected.Kind), (actual, actual.Kind));
        Assert.Equal(DateTimeKind.Utc, actual.Kind);
    }

    [Fact]
    public void UtcTimestampConverter_NotATimestamp_FailsAsTheClientDoes()
    {
        var expected = Assert.ThrowsAny<Exception>(() => Read(new KubernetesJson.KubernetesDateTimeConverter(), "yesterday"));

        var actual = Assert.ThrowsAny<Exception>(() => Read(new UtcTimestampConverter(), "yesterday"));

        Assert.Equal(expected.GetType(), actual.GetType());
    }

    [Fact]
    public void UtcTimestampConverter_Write_WritesAsTheClientDoes()
    {
        var value = new DateTime(2026, 11, 20, 8, 14, 3, 123, DateTimeKind.Utc);

        Assert.Equal(Write(new KubernetesJson.KubernetesDateTimeConverter(), value), Write(new UtcTimestampConverter(), value));
    }

    private static DateTime Read(System.Text.Json.Serialization.JsonConverter<DateTime> converter, string timestamp)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{timestamp}\""));
        reader.Read();
        return converter.Read(ref reader, typeof(DateTime), JsonSerializerOptions.Default);
    }

    private static string Write(System.Text.Json.Serialization.JsonConverter<DateTime> converter, DateTime value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            converter.Write(writer, value, JsonSerializerOptions.Default);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
