using System.Globalization;

namespace PodExport.Simulator.Faults;

/// <summary>
/// Parses command-line faults: <c>NAME[:key=value,…]</c>, NAME the kebab-case <see cref="FaultKind"/>
/// (<c>http-status</c>, <c>watch-expired</c>, <c>abort-after-events</c>, …); keys <c>verb</c>, <c>resource</c>,
/// <c>path</c>, <c>rv</c>, <c>times</c>, <c>after</c>, <c>status</c>, <c>retry-after</c>, <c>delay</c> (seconds),
/// <c>burst</c>. Example: <c>http-status:status=429,retry-after=2,verb=watch,times=3</c>.
/// </summary>
public static class FaultParser
{
    public static FaultRule Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = (colon < 0 ? text : text[..colon]).Trim();
        var kind = Enum.GetValues<FaultKind>().FirstOrDefault(k => KebabCase(k.ToString()) == name, (FaultKind)(-1));
        if ((int)kind < 0)
        {
            throw new FormatException(
                $"Unknown fault '{name}'. Known: {string.Join(", ", Enum.GetValues<FaultKind>().Select(k => KebabCase(k.ToString())))}.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (colon >= 0)
        {
            foreach (var pair in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new FormatException($"Fault option '{pair}' is not key=value.");
                }

                values[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        var rule = new FaultRule(kind)
        {
            Verb = values.Remove("verb", out var verb) ? Enum.Parse<FaultVerb>(verb.Replace("-", "", StringComparison.Ordinal), ignoreCase: true) : FaultVerb.ListOrWatch,
            Resource = values.Remove("resource", out var resource) ? resource : null,
            PathContains = values.Remove("path", out var path) ? path : null,
            ResourceVersion = values.Remove("rv", out var rv) ? rv : null,
            Times = values.Remove("times", out var times) ? Int(times) : 1,
            AfterEvents = values.Remove("after", out var after) ? Int(after) : 0,
            StatusCode = values.Remove("status", out var status) ? Int(status) : 500,
            RetryAfterSeconds = values.Remove("retry-after", out var retry) ? Int(retry) : null,
            Delay = values.Remove("delay", out var delay) ? TimeSpan.FromSeconds(double.Parse(delay, CultureInfo.InvariantCulture)) : TimeSpan.Zero,
            BurstSize = values.Remove("burst", out var burst) ? Int(burst) : 10,
        };
        if (values.Count > 0)
        {
            throw new FormatException($"Unknown fault option(s): {string.Join(", ", values.Keys)}.");
        }

        return rule;
    }

    internal static string KebabCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
