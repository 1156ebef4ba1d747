using System.Globalization;
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

    private static int IndentOf(Group group) =>
        group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    private string Inline(string expression, object? dot)
    {
        var value = TryEvaluate(expression, dot);
        return value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            long or double => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
            JsonValue v => v.ToString(),
            _ => Placeholder,
        };
    }

    private object? TryEvaluate(string expression, object? dot)
    {
        try
        {
            return Evaluate(expression, dot);
        }
        catch (NotSupportedException)
        {
            return _unknown;
        }
    }

    /// <summary>Evaluates a pipeline: commands separated by <c>|</c>, each result passed as the next's last argument.</summary>
    private object? Evaluate(string expression, object? dot)
    {
        var tokens = Tokenize(expression);
        var position = 0;
        var result = Pipeline(tokens, ref position, dot);
        if (position != tokens.Count)
        {
            throw new NotSupportedException($"Unexpected '{tokens[position]}' in '{expression}'.");
        }

        return result;
    }

    private object? Pipeline(List<string> tokens, ref int position, object? dot)
    {
        var result = Command(tokens, ref position, dot, piped: null, hasPiped: false);
        while (position < tokens.Count && tokens[position] == "|")
        {
            position++;
            result = Command(tokens, ref position, dot, result, hasPiped: true);
        }

        return result;
    }

    private object? Command(List<string> tokens, ref int position, object? dot, object? piped, bool hasPiped)
    {
        var head = tokens[position];
        if (head == "include")
        {
            position++;
            var name = Text(Operand(tokens, ref position, dot));
            var argument = hasPiped ? piped : Operand(tokens, ref position, dot);
            return _defines.TryGetValue(name, out var body)
                ? string.Join('\n', RenderLines(body, argument)).Trim()
                : throw new NotSupportedException($"No define {name}.");
        }

        if (head == ".Files.Get")
        {
            position++;
            var file = Text(hasPiped ? piped : Operand(tokens, ref position, dot));
            return _chartDirectory is null
                ? throw new NotSupportedException(".Files.Get without a chart directory.")
                : File.ReadAllText(Path.Combine(_chartDirectory, file));
        }

        if (!IsFunction(head))
        {
            var operand = Operand(tokens, ref position, dot);
            return hasPiped ? throw new NotSupportedException($"Cannot pipe into '{head}'.") : operand;
        }

        position++;
        var args = new List<object?>();
        while (position < tokens.Count && tokens[position] is not ("|" or ")"))
        {
            args.Add(Operand(tokens, ref position, dot));
        }

        if (hasPiped)
        {
            args.Add(piped);
        }

        return Apply(head, args);
    }

    private object? Operand(List<string> tokens, ref int position, object? dot)
    {
        var token = tokens[position++];
        if (token == "(")
        {
            var inner = Pipeline(tokens, ref position, dot);
            if (position >= tokens.Count || tokens[position] != ")")
            {
                throw new NotSupportedException("Unbalanced parentheses.");
            }

            position++;
            return inner;
        }

        if (token.StartsWith('"'))
        {
            return token[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
        }

        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (token is "true" or "false")
        {
            return token == "true";
        }

        if (token == ".")
        {
            return dot;
        }

        if (token == "$")
        {
            return _root;
        }

        if (token.StartsWith("$.", StringComparison.Ordinal))
        {
            return Normalize(YamlTree.Select(_root, token[2..]));
        }

        if (token.StartsWith('.'))
        {
            return dot is JsonNode node
                ? Normalize(YamlTree.Select(node, token[1..]))
                : throw new NotSupportedException($"'{token}' on a scalar.");
        }

        if (token.StartsWith('$'))
        {
            var name = token.Split('.', 2)[0];
            if (!_variables.TryGetValue(name, out var variable) || variable == _unknown)
            {
                throw new NotSupportedException($"Unknown variable {name}.");
            }

            return token.Contains('.', StringComparison.Ordinal)
                ? Normalize(YamlTree.Select(variable as JsonNode, token[(name.Length + 1)..]))
                : variable;
        }

        throw new NotSupportedException($"Unsupported operand '{token}'.");
    }

    private static bool IsFunction(string token) => token is "not" or "and" or "or" or "eq" or "ne" or "gt" or "lt"
        or "ge" or "le" or "int" or "int64" or "quote" or "default" or "empty" or "printf" or "toString" or "deepCopy" or "dict" or "omit" or "set" or "trunc" or "trimSuffix" or "contains" or "replace" or "fromYaml";

    private static object? Apply(string function, List<object?> args) => function switch
    {
        "not" => !Truthy(Single(args)),
        "and" => args.Count > 0 ? args.FirstOrDefault(a => !Truthy(a), args[^1]) : throw new NotSupportedException("and()"),
        "or" => args.Count > 0 ? args.FirstOrDefault(Truthy, args[^1]) : throw new NotSupportedException("or()"),
        "eq" => Equal(args),
        "ne" => !Equal(args),
        "gt" => Number(args[0]) > Number(args[1]),
        "lt" => Number(args[0]) < Number(args[1]),
        "ge" => Number(args[0]) >= Number(args[1]),
        "le" => Number(args[0]) <= Number(args[1]),
        "int" or "int64" => (long)Number(Single(args)),
        "toString" => Text(Single(args)),
        "quote" => "\"" + Text(Single(args)).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        "default" => Truthy(args[1]) ? args[1] : args[0],
        "empty" => !Truthy(Single(args)),
        "printf" => Printf(Text(args[0]), args.Skip(1).ToList()),
        "deepCopy" => Single(args) is JsonNode node ? node.DeepClone() : args[0],
        "dict" => Dict(args),
        "fromYaml" => YamlTree.Load(Text(Single(args))),
        "trunc" => Text(args[1])[..Math.Min((int)Number(args[0]), Text(args[1]).Length)],
        "trimSuffix" => Text(args[1]).EndsWith(Text(args[0]), StringComparison.Ordinal) && Text(args[0]).Length > 0
            ? Text(args[1])[..^Text(args[0]).Length]
            : Text(args[1]),
        "contains" => Text(args[1]).Contains(Text(args[0]), StringComparison.Ordinal),
        "replace" => Text(args[2]).Replace(Text(args[0]), Text(args[1]), StringComparison.Ordinal),
        "omit" => Omit(args),
        "set" => Set(args),
        _ => throw new NotSupportedException(function),
    };

    private static JsonObject Dict(List<object?> args)
    {
        var result = new JsonObject();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            result[Text(args[i])] = ToNode(args[i + 1]);
        }

        return result;
    }

    private static JsonObject Omit(List<object?> args)
    {
        var source = args[0] as JsonObject ?? throw new NotSupportedException("omit on a non-map.");
        var result = (JsonObject)source.DeepClone();
        foreach (var key in args.Skip(1))
        {
            result.Remove(Text(key));
        }

        return result;
    }

    private static JsonObject Set(List<object?> args)
    {
        var target = args[0] as JsonObject ?? throw new NotSupportedException("set on a non-map.");
        target[Text(args[1])] = ToNode(args[2]);
        return target;
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.Parent is null ? node : node.DeepClone(),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        _ => throw new NotSupportedException($"Not a value: {value}."),
    };

    private static object? Single(List<object?> args) =>
        args.Count == 1 ? args[0] : throw new NotSupportedException($"Expected one argument, got {args.Count}.");

    private static bool Equal(List<object?> args)
    {
        if (args.Count != 2)
        {
            throw new NotSupportedException("eq/ne with other than two arguments.");
        }

        return (args[0], args[1]) switch
        {
            (string a, string b) => a == b,
            (bool a, bool b) => a == b,
            (long or double, long or double) => Number(args[0]) == Number(args[1]),
            (null, null) => true,
            _ => false,
        };
    }

    private static double Number(object? value) => value switch
    {
        long l => l,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        null => 0,
        _ => throw new NotSupportedException($"Not a number: {value}."),
    };

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        long or double => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => throw new NotSupportedException($"Not a scalar: {value}."),
    };

    private static string Printf(string format, List<object?> args)
    {
        var index = 0;
        return PrintfVerbPattern().Replace(format, _ => Text(args[index++]));
    }

    private static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        _ => value != _unknown ? true : throw new NotSupportedException("Truthiness of an unknown value."),
    };

    /// <summary>JSON scalars become CLR values; objects and arrays stay nodes.</summary>
    private static object? Normalize(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node;
        }

        if (value.TryGetValue<bool>(out var b))
        {
            return b;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<double>(out var d))
        {
            return d;
        }

        return value.TryGetValue<string>(out var s) ? s : value.ToJsonString();
    }

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        foreach (Match match in TokenPattern().Matches(expression))
        {
            tokens.Add(match.Value);
        }

        return tokens;
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

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|[()|]|[^\s()|]+")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"%[sdv]")]
    private static partial Regex PrintfVerbPattern();

    private sealed class Frame(bool parentActive, bool taken, object? dot)
    {
        public bool ParentActive { get; } = parentActive;

        public bool Taken { get; set; } = taken;

        public object? Dot { get; } = dot;
    }
}
