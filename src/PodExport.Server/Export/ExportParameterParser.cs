using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PodExport.Server.Export;

/// <summary>
/// Step 3 of export-api W-11: the parameters <c>timeout</c>, <c>query</c> and <c>pretty</c> (W-4 to W-10, service.md
/// S-12). Every failure is a parameter error (W-32) with the message returned here.
/// </summary>
internal static class ExportParameterParser
{
    public const string TimeoutKey = "timeout";
    public const string QueryKey = "query";
    public const string PrettyKey = "pretty";
    public const string PrettyMediaType = "application/json+pretty";

    /// <summary>
    /// Pretty output is known before the parameters are checked, so that a parameter error is indented too: the key
    /// <c>pretty</c> among the pairs that decode, or the <c>Accept</c> value of W-10 (as StackRox's wrapper, which
    /// reads Go's lenient <c>URL.Query()</c>).
    /// </summary>
    public static bool IsPretty(RawQueryString raw, IEnumerable<string?> acceptValues) =>
        raw.Has(PrettyKey) || acceptValues.Any(v => string.Equals(v, PrettyMediaType, StringComparison.Ordinal));

    public static bool TryParse(
        RawQueryString raw,
        bool pretty,
        int maxQueryBytes,
        [NotNullWhen(true)] out ExportParameters? parameters,
        [NotNullWhen(false)] out string? error)
    {
        parameters = null;
        if (raw.Error is not null)
        {
            error = raw.Error;
            return false;
        }

        var timeout = 0;
        var timeouts = raw.Values(TimeoutKey);
        if (timeouts.Count > 1)
        {
            error = TooManyValues(TimeoutKey, timeouts);
            return false;
        }

        if (timeouts.Count == 1)
        {
            var parsed = GoStrconv.ParseInt32(timeouts[0], out timeout);
            if (parsed != GoStrconv.ParseResult.Ok)
            {
                var reason = parsed == GoStrconv.ParseResult.OutOfRange ? "value out of range" : "invalid syntax";
                error = $"parsing field \"{TimeoutKey}\": strconv.ParseInt: parsing {GoStrconv.Quote(timeouts[0])}: {reason}";
                return false;
            }

            if (timeout < 0)
            {
                error = string.Create(
                    CultureInfo.InvariantCulture,
                    $"invalid timeout {timeout}: must be 0 (no deadline) or a positive number of seconds");
                return false;
            }
        }

        var queries = raw.Values(QueryKey);
        if (queries.Count > 1)
        {
            error = TooManyValues(QueryKey, queries);
            return false;
        }

        var query = queries.Count == 1 ? queries[0] : "";
        var queryBytes = Encoding.UTF8.GetByteCount(query);
        if (queryBytes > maxQueryBytes)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"query is too long: {queryBytes} bytes of UTF-8, at most {maxQueryBytes} are allowed");
            return false;
        }

        parameters = new ExportParameters(timeout, query, pretty);
        error = null;
        return true;
    }

    private static string TooManyValues(string key, List<string> values) =>
        $"too many values for field \"{key}\": {string.Join(", ", values)}";
}
