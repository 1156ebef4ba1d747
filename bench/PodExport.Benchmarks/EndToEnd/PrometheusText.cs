using System.Globalization;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>A scrape of a Prometheus text exposition (format 0.0.4): sample name, label text and value.</summary>
public sealed class PrometheusText
{
    private readonly List<(string Name, string Labels, double Value)> _samples;

    private PrometheusText(List<(string Name, string Labels, double Value)> samples) => _samples = samples;

    public bool IsEmpty => _samples.Count == 0;

    public static PrometheusText Parse(string text)
    {
        var samples = new List<(string, string, double)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var close = line.LastIndexOf('}');
            string name, labels, rest;
            if (brace > 0 && close > brace)
            {
                name = line[..brace];
                labels = line[(brace + 1)..close];
                rest = line[(close + 1)..].Trim();
            }
            else
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space < 0)
                {
                    continue;
                }

                name = line[..space];
                labels = "";
                rest = line[(space + 1)..].Trim();
            }

            // A timestamp may follow the value.
            var valueText = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "";
            if (double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add((name, labels, value));
            }
        }

        return new PrometheusText(samples);
    }

    /// <summary>True when some sample has this name.</summary>
    public bool Has(string name) => _samples.Exists(s => s.Name == name);

    /// <summary>The sum of every sample with this name whose label text passes the filter; null when there is none.</summary>
    public double? Sum(string name, Func<string, bool>? labels = null)
    {
        double? sum = null;
        foreach (var (sampleName, sampleLabels, value) in _samples)
        {
            if (sampleName == name && (labels is null || labels(sampleLabels)))
            {
                sum = (sum ?? 0) + value;
            }
        }

        return sum;
    }

    /// <summary>The first of the given names that is present, summed.</summary>
    public double? SumFirst(params string[] names)
    {
        foreach (var name in names)
        {
            if (Sum(name) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
