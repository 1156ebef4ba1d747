using System.Text.RegularExpressions;

namespace PodExport.Server.Tests.Deployment;

/// <summary>Just enough PromQL to list the metric names an expression selects.</summary>
public static partial class PromQl
{
    private static readonly HashSet<string> _keywords =
    [
        "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan",
    ];

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        var text = StringPattern().Replace(expression, " ");
        text = MatcherPattern().Replace(text, " ");
        text = RangePattern().Replace(text, " ");
        text = GroupingPattern().Replace(text, " ");
        return IdentifierPattern().Matches(text)
            .Select(m => m.Value)
            .Where(name => !_keywords.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Grafana's variables replaced with values Prometheus accepts.</summary>
    public static string WithoutGrafanaVariables(string expression) =>
        expression.Replace("$__rate_interval", "5m", StringComparison.Ordinal)
            .Replace("$namespace", ".*", StringComparison.Ordinal)
            .Replace("$pod", ".*", StringComparison.Ordinal);

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|'(?:[^'\\]|\\.)*'")]
    private static partial Regex StringPattern();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex MatcherPattern();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex GroupingPattern();

    // A name not followed by "(" (that would be a function).
    [GeneratedRegex(@"(?<![\w$.])[a-zA-Z_:][a-zA-Z0-9_:]*(?!\s*\(|[\w])")]
    private static partial Regex IdentifierPattern();
}
