using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PodExport.Model.Json;

namespace PodExport.Model.Tests.Json;

public sealed class GoJsonEncoderTests
{
    [Theory]
    [InlineData("<", "\\u003c")]
    [InlineData(">", "\\u003e")]
    [InlineData("&", "\\u0026")]
    [InlineData("\"", "\\\"")]
    [InlineData("\\", "\\\\")]
    [InlineData("\b", "\\b")]
    [InlineData("\t", "\\t")]
    [InlineData("\n", "\\n")]
    [InlineData("\f", "\\f")]
    [InlineData("\r", "\\r")]
    [InlineData("\u0000", "\\u0000")]
    [InlineData("\u0001", "\\u0001")]
    [InlineData("\u000b", "\\u000b")]
    [InlineData("\u001b", "\\u001b")]
    [InlineData("\u001f", "\\u001f")]
    [InlineData("\u2028", "\\u2028")]
    [InlineData("\u2029", "\\u2029")]
    [InlineData("/", "/")]
    [InlineData("'", "'")]
    [InlineData("+", "+")]
    [InlineData("`", "`")]
    [InlineData("\u007f", "\u007f")]
    [InlineData("é", "é")]
    [InlineData("日本", "日本")]
    [InlineData("😀", "😀")]
    [InlineData("\ufffd", "\ufffd")]
    [InlineData("", "")]
    public void WriteStringValue_Character_IsEscapedAsW24(string input, string expected)
    {
        Assert.Equal("\"" + expected + "\"", Write(input));
    }

    [Fact]
    public void WriteStringValue_LoneSurrogates_BecomeReplacementCharacter()
    {
        // Not [InlineData]: attribute strings are stored as UTF-8, which cannot carry a lone surrogate.
        Assert.Equal("\"\ufffd\"", Write("\ud800"));
        Assert.Equal("\"\ufffd\"", Write("\udfff"));
        Assert.Equal("\"a\ufffdz\"", Write("a\ud83dz"));
        Assert.Equal("\"\ufffd\ufffd\"", Write("\ude00\ud83d"));
        Assert.Equal("\"\ufffd\\u003c\ufffd\"", Write("\ud83d<\ude00"));
        Assert.Equal("\"😀\ufffd\"", Write("\ud83d\ude00\ude00"));
        Assert.Equal("\"é\ufffd\"", Write("é\ud83d"));
    }

    [Fact]
    public void WriteStringValue_EveryBmpCharacter_MatchesTheTable()
    {
        var input = new StringBuilder();
        var expected = new StringBuilder("\"");
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            input.Append((char)c);
            expected.Append(Expected((char)c));
        }

        Assert.Equal(expected.Append('"').ToString(), Write(input.ToString()));
    }

    [Fact]
    public void WriteStringValue_LongPlainAsciiWithOneSpecialAtTheEnd_EscapesOnlyIt()
    {
        var plain = new string('a', 10_000);

        Assert.Equal("\"" + plain + "\\u0026\"", Write(plain + "&"));
    }

    [Fact]
    public void WriteStringValue_Utf8Input_MatchesTheStringPath()
    {
        const string Text = "a<b>&c\"\\\u0001\u001b\b\t\n\f\r\u2028\u2029/'+\u007f é 日本 😀";

        Assert.Equal(Write(Text), WriteUtf8(Encoding.UTF8.GetBytes(Text)));
    }

    [Fact]
    public void WriteStringValue_InvalidUtf8Input_BecomesReplacementCharacter()
    {
        Assert.Equal("\"a\ufffdb\"", WriteUtf8([(byte)'a', 0xFF, (byte)'b']));
    }

    [Fact]
    public void WillEncode_Table_MatchesW24()
    {
        Assert.True(GoJsonEncoder.Instance.WillEncode('<'));
        Assert.True(GoJsonEncoder.Instance.WillEncode(0x2028));
        Assert.True(GoJsonEncoder.Instance.WillEncode(0x1F));
        Assert.False(GoJsonEncoder.Instance.WillEncode('\''));
        Assert.False(GoJsonEncoder.Instance.WillEncode(0x7F));
        Assert.False(GoJsonEncoder.Instance.WillEncode(0x1F600));
    }

    private static string Expected(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\b' => "\\b",
        '\t' => "\\t",
        '\n' => "\\n",
        '\f' => "\\f",
        '\r' => "\\r",
        < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };

    private static string Write(string value) => Render(writer => writer.WriteStringValue(value));

    private static string WriteUtf8(byte[] value) => Render(writer => writer.WriteStringValue(value));

    private static string Render(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, PodJsonWriter.CompactOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
