using System.Buffers;
using System.Globalization;
using System.Text;

namespace PodExport.Server.Export;

/// <summary>
/// The two pieces of Go's strconv whose exact text reaches clients: <c>ParseInt(s, 10, 32)</c> and <c>Quote</c>
/// (export-api W-6, W-8), because StackRox's messages are built from them.
/// </summary>
internal static class GoStrconv
{
    /// <summary>The outcome of <see cref="ParseInt32"/>.</summary>
    public enum ParseResult
    {
        Ok,
        InvalidSyntax,
        OutOfRange,
    }

    /// <summary>
    /// <c>strconv.ParseInt(s, 10, 32)</c>: an optional sign, then decimal digits. Like Go, digits are scanned left to
    /// right and the scan stops at the first non-digit (syntax) or at the first overflow of 32 bits (range), so
    /// <c>99999999999x</c> is out of range while <c>1x</c> is a syntax error.
    /// </summary>
    public static ParseResult ParseInt32(string s, out int value)
    {
        value = 0;
        var digits = s.AsSpan();
        var negative = false;
        if (digits.Length > 0 && (digits[0] == '+' || digits[0] == '-'))
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        if (digits.IsEmpty)
        {
            return ParseResult.InvalidSyntax;
        }

        ulong magnitude = 0;
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return ParseResult.InvalidSyntax;
            }

            magnitude = (magnitude * 10) + (ulong)(c - '0');
            if (magnitude > uint.MaxValue)
            {
                return ParseResult.OutOfRange;
            }
        }

        if (negative ? magnitude > 1UL << 31 : magnitude >= 1UL << 31)
        {
            return ParseResult.OutOfRange;
        }

        value = negative ? (int)-(long)magnitude : (int)magnitude;
        return ParseResult.Ok;
    }

    /// <summary><c>strconv.Quote</c> of the string's UTF-8 bytes.</summary>
    public static string Quote(string s) => Quote(Encoding.UTF8.GetBytes(s));

    /// <summary>
    /// <c>strconv.Quote</c>: double quotes, <c>\"</c> and <c>\\</c>, Go's short escapes, printable runes as they are,
    /// other runes as <c>\u</c>/<c>\U</c> and invalid UTF-8 bytes as <c>\x</c>, hex in lower case.
    /// </summary>
    public static string Quote(ReadOnlySpan<byte> utf8)
    {
        var sb = new StringBuilder(utf8.Length + 2);
        sb.Append('"');
        while (!utf8.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
            if (status != OperationStatus.Done)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{utf8[0]:x2}");
                utf8 = utf8[1..];
                continue;
            }

            utf8 = utf8[consumed..];
            AppendRune(sb, rune);
        }

        sb.Append('"');
        return sb.ToString();
    }

    private static void AppendRune(StringBuilder sb, Rune rune)
    {
        switch (rune.Value)
        {
            case '"':
                sb.Append("\\\"");
                return;
            case '\\':
                sb.Append("\\\\");
                return;
            case '\a':
                sb.Append("\\a");
                return;
            case '\b':
                sb.Append("\\b");
                return;
            case '\f':
                sb.Append("\\f");
                return;
            case '\n':
                sb.Append("\\n");
                return;
            case '\r':
                sb.Append("\\r");
                return;
            case '\t':
                sb.Append("\\t");
                return;
            case '\v':
                sb.Append("\\v");
                return;
        }

        if (IsPrint(rune))
        {
            sb.Append(rune.ToString());
        }
        else if (rune.Value < ' ' || rune.Value == 0x7f)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
        }
        else if (rune.Value < 0x10000)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrint(Rune rune) => rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };
}
