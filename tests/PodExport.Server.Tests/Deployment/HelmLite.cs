using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PodExport.Server.Tests.Deployment;

/// <summary>
/// A deliberately small stand-in for <c>helm template</c>, which cannot be installed on the build machines
/// (OPERATIONS.md §1.7). It evaluates the control flow the chart uses (<c>if</c>/<c>else</c>/<c>with</c>/<c>range</c>
/// once, boolean variables, <c>fail</c>), expands <c>include "…" . | nindent N</c> and
/// <c>toYaml … | nindent N</c> lines, and substitutes simple inline expressions (<c>.Values.x | quote</c>). Anything it
/// cannot evaluate inline becomes <see cref="Placeholder"/>; a condition it cannot evaluate throws, so that a new
/// construct in the chart fails a test instead of being silently misread.
/// </summary>
public sealed partial class HelmLite
{
    /// <summary>What an inline action the renderer cannot evaluate becomes.</summary>
    public const string Placeholder = "TPL";

    private static readonly object _unknown = new();

    private readonly JsonObject _root;
    private readonly string? _chartDirectory;
    private readonly IReadOnlyDictionary<string, string> _defines;
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public HelmLite(JsonObject values, JsonObject chart, string helpers, string? chartDirectory = null)
    {
        _chartDirectory = chartDirectory;
        _root = new JsonObject
        {
            ["Values"] = values.DeepClone(),
            ["Chart"] = new JsonObject
            {
                ["Name"] = chart["name"]?.DeepClone(),
                ["Version"] = chart["version"]?.DeepClone(),
                ["AppVersion"] = chart["appVersion"]?.DeepClone(),
            },
            ["Release"] = new JsonObject { ["Name"] = "pod-export", ["Namespace"] = "pod-export", ["Service"] = "Helm" },
        };
        _defines = ParseDefines(helpers);
    }

    /// <summary>The chart's defaults, or <paramref name="overlay"/> merged over them.</summary>
    public static HelmLite ForChart(JsonObject? overlay = null)
    {
        var values = YamlTree.Merge(YamlTree.LoadFile(Path.Combine(RepositoryPaths.Chart, "values.yaml")), overlay);
        var chart = YamlTree.LoadFile(Path.Combine(RepositoryPaths.Chart, "Chart.yaml"));
        var helpers = File.ReadAllText(Path.Combine(RepositoryPaths.ChartTemplates, "_helpers.tpl"));
        return new HelmLite(values, chart, helpers, RepositoryPaths.Chart);
    }

    /// <summary>The bodies of the <c>define</c> blocks of a helpers file, by name.</summary>
    public static IReadOnlyDictionary<string, string> ParseDefines(string text)
    {
        var defines = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = LogicalLines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var match = DefinePattern().Match(Actions(lines[i]).FirstOrDefault() ?? string.Empty);
            if (!match.Success)
            {
                continue;
            }

            var depth = 1;
            var body = new List<string>();
            for (i++; i < lines.Count; i++)
            {
                foreach (var action in Actions(lines[i]))
                {
                    if (BlockStartPattern().IsMatch(action))
                    {
                        depth++;
                    }
                    else if (action == "end")
                    {
                        depth--;
                    }
                }

                if (depth == 0)
                {
                    break;
                }

                body.Add(lines[i]);
            }

            defines[match.Groups[1].Value] = string.Join('\n', body);
        }

        return defines;
    }

    /// <summary>
    /// OPERATIONS.md §1.7's check of the static parts: lines that hold only template actions are dropped, and every
    /// inline action becomes <see cref="Placeholder"/>.
    /// </summary>
    public static string Strip(string template) => string.Join('\n', LogicalLines(template)
        .Where(line => !(ActionPattern().IsMatch(line) && string.IsNullOrWhiteSpace(ActionPattern().Replace(line, string.Empty))))
        .Select(line => ActionPattern().Replace(line, Placeholder)));

    /// <summary>Renders a template; throws <see cref="HelmLiteFailException"/> where the chart calls <c>fail</c>.</summary>
    public string Render(string template) => string.Join('\n', RenderLines(template, _root));

    /// <summary>Renders a template and loads its YAML documents, leaving out empty ones.</summary>
    public IReadOnlyList<JsonObject> RenderDocuments(string template) =>
        YamlTree.LoadAll(Render(template)).OfType<JsonObject>().ToList();

    public IReadOnlyList<JsonObject> RenderFile(params string[] templatePath) =>
        RenderDocuments(File.ReadAllText(Path.Combine([RepositoryPaths.ChartTemplates, .. templatePath])));

    private List<string> RenderLines(string template, object? dot)
    {
        var output = new List<string>();
        var stack = new Stack<Frame>();
        var active = true;

        foreach (var line in LogicalLines(template))
        {
            var actions = Actions(line);
            var actionOnly = actions.Count > 0 && string.IsNullOrWhiteSpace(ActionPattern().Replace(line, string.Empty));
            if (!actionOnly)
            {
                if (active)
                {
                    output.Add(ActionPattern().Replace(line, m => Inline(m.Groups[1].Value, dot)));
                }

                continue;
            }

            foreach (var action in actions)
            {
                var frame = stack.Count > 0 ? stack.Peek() : null;
                if (action.StartsWith("/*", StringComparison.Ordinal))
                {
                    continue;
                }

                if (action.StartsWith("if ", StringComparison.Ordinal))
                {
                    var taken = active && Truthy(Evaluate(action[3..], dot));
                    stack.Push(new Frame(active, taken, dot));
                    active = taken;
                }
                else if (action.StartsWith("else", StringComparison.Ordinal))
                {
                    if (frame is null)
                    {
                        throw new NotSupportedException("else without if");
                    }

                    var condition = action.StartsWith("else if ", StringComparison.Ordinal)
                        ? action[8..]
                        : null;
                    var taken = frame.ParentActive && !frame.Taken
                        && (condition is null || Truthy(Evaluate(condition, dot)));
                    frame.Taken |= taken;
                    active = taken;
                }
                else if (action.StartsWith("with ", StringComparison.Ordinal))
                {
                    var value = active ? Evaluate(action[5..], dot) : null;
                    var taken = active && Truthy(value);
                    stack.Push(new Frame(active, taken, dot));
                    dot = taken ? value : dot;
                    active = taken;
                }
                else if (action.StartsWith("range ", StringComparison.Ordinal))
                {
                    var variables = RangeSourcePattern().Match(action[6..]);
                    var value = active ? Evaluate(action[(6 + variables.Length)..], dot) : null;
                    var taken = active && Truthy(value);
                    stack.Push(new Frame(active, taken, dot));
                    if (taken && value is JsonArray array)
                    {
                        // One pass over the first element: $index, $element := … or $element := …
                        dot = Normalize(array[0]);
                        if (variables.Groups[2].Success)
                        {
                            _variables[variables.Groups[1].Value] = 0L;
                            _variables[variables.Groups[2].Value] = dot;
                        }
                        else if (variables.Groups[1].Success)
                        {
                            _variables[variables.Groups[1].Value] = dot;
                        }
                    }

                    active = taken;
                }
                else if (action.StartsWith("define ", StringComparison.Ordinal))
                {
                    stack.Push(new Frame(active, false, dot));
                    active = false;
                }
                else if (action == "end")
                {
                    var ended = stack.Pop();
                    active = ended.ParentActive;
                    dot = ended.Dot;
                }
                else if (!active)
                {
                    continue;
                }
                else if (AssignmentPattern().Match(action) is { Success: true } assignment)
                {
                    _variables[assignment.Groups[1].Value] = TryEvaluate(assignment.Groups[2].Value, dot);
                }
                else if (FailPattern().Match(action) is { Success: true } fail)
                {
                    throw new HelmLiteFailException(fail.Groups[1].Value);
                }
                else if (IncludePattern().Match(action) is { Success: true } include
                    && _defines.TryGetValue(include.Groups[1].Value, out var body)
                    && TryEvaluate(include.Groups[2].Value, dot) is var argument && argument != _unknown)
                {
                    var indent = IndentOf(include.Groups[3]);
                    output.AddRange(RenderLines(body, argument)
                        .SelectMany(l => l.Split('\n'))
                        .Select(l => new string(' ', indent) + l));
                }
                else if (ToYamlPattern().Match(action) is { Success: true } toYaml)
                {
                    if (TryEvaluate(toYaml.Groups[1].Value, dot) is var value && value != _unknown)
                    {
                        output.Add(YamlTree.ToYaml(ToNode(value), IndentOf(toYaml.Groups[2])));
                    }
                }
                else if (TryEvaluate(action, dot) is string or bool or long or double)
                {
                    // A bare expression prints its value; the scalar helpers (name, fullname, image) are made of these.
                    // With {{- the preceding newline is trimmed, so the value joins the previous output.
                    var printed = Inline(action, dot);
                    if (line.TrimStart().StartsWith("{{-", StringComparison.Ordinal) && output.Count > 0)
                    {
                        output[^1] += printed;
                    }
                    else
                    {
                        output.Add(printed);
                    }
                }
            }
        }

        if (stack.Count != 0)
        {
            throw new NotSupportedException($"{stack.Count} unclosed block(s) in the template.");
        }

        return output;
    }

    /// <summary>The inner text of each action on a line, without trim markers.</summary>
    private static List<string> Actions(string line) =>
        ActionPattern().Matches(line).Select(m => m.Groups[1].Value.Trim()).ToList();

    /// <summary>Lines, with an action that spans lines (a long comment) joined into one.</summary>
    private static List<string> LogicalLines(string text)
    {
        var result = new List<string>();
        var pending = new StringBuilder();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (pending.Length > 0)
            {
                pending.Append(' ');
            }

            pending.Append(line);
            var current = pending.ToString();
            if (CountOf(current, "{{") <= CountOf(current, "}}"))
            {
                result.Add(current);
                pending.Clear();
            }
        }

        if (pending.Length > 0)
        {
            throw new NotSupportedException("Unterminated template action.");
        }

        return result;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [GeneratedRegex(@"\{\{-?\s*(.*?)\s*-?\}\}")]
    internal static partial Regex ActionPattern();

    [GeneratedRegex(@"^define\s+""([^""]+)""")]
    private static partial Regex DefinePattern();

    [GeneratedRegex(@"^(if|with|range|define|block)\s")]
    private static partial Regex BlockStartPattern();

    [GeneratedRegex(@"^(?:(\$[A-Za-z0-9_]+)\s*(?:,\s*(\$[A-Za-z0-9_]+)\s*)?:=\s*)?")]
    private static partial Regex RangeSourcePattern();

    [GeneratedRegex(@"^(\$[A-Za-z0-9_]+)\s*:?=\s*(.+)$")]
    private static partial Regex AssignmentPattern();

    [GeneratedRegex(@"^fail\s+""(.*)""$")]
    private static partial Regex FailPattern();

    [GeneratedRegex(@"^include\s+""([^""]+)""\s+(.+?)(?:\s*\|\s*nindent\s+(\d+))?$")]
    private static partial Regex IncludePattern();

    [GeneratedRegex(@"^toYaml\s+(\S+)(?:\s*\|\s*nindent\s+(\d+))?$")]
    private static partial Regex ToYamlPattern();

    private sealed class Frame(bool parentActive, bool taken, object? dot)
    {
        public bool ParentActive { get; } = parentActive;

        public bool Taken { get; set; } = taken;

        public object? Dot { get; } = dot;
    }
}
