using System.Globalization;

namespace PodExport.Query.Parsing;

/// <summary>
/// The UUID forms google/uuid's <c>Parse</c> accepts: 36-character hyphenated, the same in braces or after
/// <c>urn:uuid:</c>, or 32 hex digits. Checked by hand because <see cref="Guid"/> parsing also trims whitespace.
/// </summary>
internal static class UuidText
{
    public static bool TryParse(string text, out Guid value)
    {
        value = default;
        var s = text.AsSpan();
        if (s.Length == 45 && s.StartsWith("urn:uuid:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[9..];
        }
        else if (s.Length == 38 && s[0] == '{' && s[^1] == '}')
        {
            s = s[1..^1];
        }

        Span<char> hex = stackalloc char[32];
        if (s.Length == 32)
        {
            s.CopyTo(hex);
        }
        else if (s.Length == 36 && s[8] == '-' && s[13] == '-' && s[18] == '-' && s[23] == '-')
        {
            s[..8].CopyTo(hex);
            s[9..13].CopyTo(hex[8..]);
            s[14..18].CopyTo(hex[12..]);
            s[19..23].CopyTo(hex[16..]);
            s[24..].CopyTo(hex[20..]);
        }
        else
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return Guid.TryParseExact(hex, "N", out value);
    }

    /// <summary>The lowercase hyphenated text a UUID regex is applied to .</summary>
    public static string Canonical(string field)
    {
        if (field.Length == 36 && !HasUpper(field))
        {
            return field;
        }

        return TryParse(field, out var guid) ? guid.ToString("D", CultureInfo.InvariantCulture) : field.ToLowerInvariant();
    }

    private static bool HasUpper(string s)
    {
        foreach (var c in s)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }
}
