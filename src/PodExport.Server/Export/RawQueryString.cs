using System.Text;
using System.Text.Unicode;

namespace PodExport.Server.Export;

/// <summary>
/// The request's raw query string decoded as <c>application/x-www-form-urlencoded</c> the way Go's
/// <c>url.ParseQuery</c> does (export-api W-5, W-6): pairs split on <c>&amp;</c> only (a <c>;</c> is an ordinary
/// character), <c>+</c> is a space, <c>%XX</c> a byte. Decoding goes on past a bad pair, as Go's does, and keeps the
/// first error. ASP.NET Core's own query parsing lets malformed escapes and invalid UTF-8 through, so the raw
/// string is read here instead (service.md S-12).
/// </summary>
internal sealed class RawQueryString
{
    private readonly List<KeyValuePair<string, string>> _pairs;

    private RawQueryString(List<KeyValuePair<string, string>> pairs, string? error)
    {
        _pairs = pairs;
        Error = error;
    }

    /// <summary>The first decoding error as the parameter-error message, or null.</summary>
    public string? Error { get; }

    /// <summary>Parses <c>Request.QueryString.Value</c>: empty, or <c>?</c> and the raw query.</summary>
    public static RawQueryString Parse(string? raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        string? error = null;
        if (string.IsNullOrEmpty(raw))
        {
            return new RawQueryString(pairs, error);
        }

        var text = raw[0] == '?' ? raw.AsSpan(1) : raw.AsSpan();
        var bytes = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, bytes);

        ReadOnlySpan<byte> rest = bytes;
        while (!rest.IsEmpty)
        {
            var amp = rest.IndexOf((byte)'&');
            var segment = amp < 0 ? rest : rest[..amp];
            rest = amp < 0 ? [] : rest[(amp + 1)..];
            if (segment.IsEmpty)
            {
                continue;
            }

            var eq = segment.IndexOf((byte)'=');
            var rawKey = eq < 0 ? segment : segment[..eq];
            var rawValue = eq < 0 ? [] : segment[(eq + 1)..];
            if (!TryUnescape(rawKey, out var key, out var keyError))
            {
                error ??= keyError;
                continue;
            }

            if (!TryUnescape(rawValue, out var value, out var valueError))
            {
                error ??= valueError;
                continue;
            }

            if (!Utf8.IsValid(key) || !Utf8.IsValid(value))
            {
                error ??= $"invalid UTF-8 in URL query: {GoStrconv.Quote(segment)} does not decode to valid UTF-8";
            }

            pairs.Add(new(Encoding.UTF8.GetString(key), Encoding.UTF8.GetString(value)));
        }

        return new RawQueryString(pairs, error);
    }

    /// <summary>True when the key is present, with any value or none (export-api W-10).</summary>
    public bool Has(string key)
    {
        foreach (var pair in _pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The values of a key in request order; names match exactly (export-api W-4).</summary>
    public List<string> Values(string key)
    {
        var values = new List<string>();
        foreach (var pair in _pairs)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                values.Add(pair.Value);
            }
        }

        return values;
    }

    // Go's unescape(s, encodeQueryComponent): the error names the '%' and at most two following bytes.
    private static bool TryUnescape(ReadOnlySpan<byte> s, out byte[] result, out string? error)
    {
        var output = new byte[s.Length];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var b = s[i];
            if (b == '%')
            {
                if (i + 2 >= s.Length || !IsHex(s[i + 1]) || !IsHex(s[i + 2]))
                {
                    var bad = s[i..];
                    error = "invalid URL escape " + GoStrconv.Quote(bad.Length > 3 ? bad[..3] : bad);
                    result = [];
                    return false;
                }

                output[n++] = (byte)((HexValue(s[i + 1]) << 4) | HexValue(s[i + 2]));
                i += 2;
            }
            else
            {
                output[n++] = b == '+' ? (byte)' ' : b;
            }
        }

        result = output.AsSpan(0, n).ToArray();
        error = null;
        return true;
    }

    private static bool IsHex(byte b) => b is (>= (byte)'0' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F');

    private static int HexValue(byte b) => b switch
    {
        <= (byte)'9' => b - '0',
        <= (byte)'F' => b - 'A' + 10,
        _ => b - 'a' + 10,
    };
}
