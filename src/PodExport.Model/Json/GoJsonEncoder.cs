using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace PodExport.Model.Json;

/// <summary>
/// The string escaping of export-api W-24: protojson's escaping followed by Go's HTML-safe compaction.
/// Escapes <c>"</c> <c>\</c>, U+0000 to U+001F (short forms for \b \t \n \f \r, lowercase <c>\u00xx</c> otherwise),
/// <c>&lt;</c> <c>&gt;</c> <c>&amp;</c>, U+2028 and U+2029; everything else, including <c>/</c>, <c>'</c>, <c>+</c>,
/// U+007F and all other non-ASCII text, stays as UTF-8. A lone surrogate becomes U+FFFD.
/// </summary>
/// <remarks>
/// The default System.Text.Json encoders escape far more and write uppercase hex, so they cannot produce the
/// StackRox bytes. Utf8JsonWriter hands a custom encoder every string that <see cref="FindFirstCharacterToEncode"/>
/// flags; lone surrogates reach <see cref="TryEncodeUnicodeScalar"/> as U+FFFD (TextEncoder's replacement rule),
/// which this encoder writes as itself. The golden tests pin the resulting bytes.
/// </remarks>
public sealed class GoJsonEncoder : JavaScriptEncoder
{
    /// <summary>The single, stateless instance.</summary>
    public static GoJsonEncoder Instance { get; } = new();

    // Printable ASCII that is written as itself: everything from U+0020 to U+007F except " \ < > &.
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(BuildPlainAscii());

    private GoJsonEncoder()
    {
    }

    /// <summary>\u2028 is the longest form: six characters for one input character.</summary>
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        var i = span.IndexOfAnyExcept(PlainAscii);
        if (i < 0)
        {
            return -1;
        }

        // Non-ASCII text is rare in pod data; walk it one character at a time.
        for (; i < span.Length; i++)
        {
            var c = span[i];
            if (c < 0x80)
            {
                if (!PlainAscii.Contains(c))
                {
                    return i;
                }
            }
            else if (c is '\u2028' or '\u2029')
            {
                return i;
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
                {
                    i++;
                }
                else
                {
                    return i;
                }
            }
            else if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        numberOfCharactersWritten = 0;
        char shortForm = unicodeScalar switch
        {
            '"' => '"',
            '\\' => '\\',
            '\b' => 'b',
            '\t' => 't',
            '\n' => 'n',
            '\f' => 'f',
            '\r' => 'r',
            _ => '\0',
        };
        if (shortForm != '\0')
        {
            if (destination.Length < 2)
            {
                return false;
            }

            destination[0] = '\\';
            destination[1] = shortForm;
            numberOfCharactersWritten = 2;
            return true;
        }

        if (WillEncode(unicodeScalar))
        {
            if (destination.Length < 6)
            {
                return false;
            }

            const string Hex = "0123456789abcdef";
            destination[0] = '\\';
            destination[1] = 'u';
            destination[2] = Hex[(unicodeScalar >> 12) & 0xF];
            destination[3] = Hex[(unicodeScalar >> 8) & 0xF];
            destination[4] = Hex[(unicodeScalar >> 4) & 0xF];
            destination[5] = Hex[unicodeScalar & 0xF];
            numberOfCharactersWritten = 6;
            return true;
        }

        // Not escaped (U+FFFD standing in for a lone surrogate, or any other scalar): the character itself.
        if (unicodeScalar > 0x10FFFF || (unicodeScalar >= 0xD800 && unicodeScalar <= 0xDFFF))
        {
            unicodeScalar = 0xFFFD;
        }

        var rune = new Rune(unicodeScalar);
        if (!rune.TryEncodeToUtf16(destination, out var written))
        {
            return false;
        }

        numberOfCharactersWritten = written;
        return true;
    }

    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar is '"' or '\\' or '<' or '>' or '&' or 0x2028 or 0x2029;

    private static char[] BuildPlainAscii()
    {
        var chars = new List<char>(96);
        for (var c = (char)0x20; c <= 0x7F; c++)
        {
            if (c is not ('"' or '\\' or '<' or '>' or '&'))
            {
                chars.Add(c);
            }
        }

        return [.. chars];
    }
}
