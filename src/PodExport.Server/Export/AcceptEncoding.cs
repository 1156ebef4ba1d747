using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace PodExport.Server.Export;

/// <summary>export-api W-26: does the client accept gzip?</summary>
internal static class AcceptEncoding
{
    /// <summary>
    /// True when some <c>Accept-Encoding</c> element is the token <c>gzip</c> (any case) with a q-value above 0, no
    /// q-value meaning 1. <c>*</c> does not count; an unreadable q-value counts as 0.
    /// </summary>
    public static bool AcceptsGzip(StringValues headerValues)
    {
        foreach (var header in headerValues)
        {
            if (header is null)
            {
                continue;
            }

            foreach (var element in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = element.Split(';', StringSplitOptions.TrimEntries);
                if (!string.Equals(parts[0], "gzip", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (QValue(parts) > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static double QValue(string[] parameters)
    {
        for (var i = 1; i < parameters.Length; i++)
        {
            var p = parameters[i];
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0 || !string.Equals(p[..eq].Trim(), "q", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return double.TryParse(p[(eq + 1)..].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? q : 0;
        }

        return 1;
    }
}
