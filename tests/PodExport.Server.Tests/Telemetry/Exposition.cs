using System.Globalization;

namespace PodExport.Server.Tests.Telemetry;

/// <summary>A parsed Prometheus text exposition (format 0.0.4): sample lines with their labels and values.</summary>
public sealed class Exposition(string text)
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public string Text { get; } = text;

    public IReadOnlyList<Sample> Samples { get; } = Parse(text);

    public IEnumerable<Sample> Named(string name) => Samples.Where(s => s.Name == name);

    /// <summary>The sum of every series of <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Named(name).Where(s => labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    private static List<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            string name;
            string rest;
            if (brace >= 0 && brace < space)
            {
                name = line[..brace];
                var close = ParseLabels(line, brace + 1, labels);
                rest = line[(close + 1)..].Trim();
            }
            else
            {
                name = line[..space];
                rest = line[space..].Trim();
            }

            var value = rest.Split(' ')[0];
            samples.Add(new Sample(name, labels, value switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(value, CultureInfo.InvariantCulture),
            }));
        }

        return samples;
    }

    // Reads name="value" pairs up to the closing brace and returns its index; values may hold escaped quotes.
    private static int ParseLabels(string line, int i, Dictionary<string, string> labels)
    {
        while (line[i] != '}')
        {
            var eq = line.IndexOf('=', i);
            var key = line[i..eq].Trim(',', ' ');
            var j = eq + 2;
            var value = new System.Text.StringBuilder();
            while (line[j] != '"')
            {
                if (line[j] == '\\')
                {
                    j++;
                    value.Append(line[j] == 'n' ? '\n' : line[j]);
                }
                else
                {
                    value.Append(line[j]);
                }

                j++;
            }

            labels[key] = value.ToString();
            i = j + 1;
            if (line[i] == ',')
            {
                i++;
            }
        }

        return i;
    }
}
