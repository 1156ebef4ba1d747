using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PodExport.Server.Tests.Deployment;

/// <summary>Expressions: pipelines, operands and inline substitution.</summary>
public sealed partial class HelmLite
{
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

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        foreach (Match match in TokenPattern().Matches(expression))
        {
            tokens.Add(match.Value);
        }

        return tokens;
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|[()|]|[^\s()|]+")]
    private static partial Regex TokenPattern();
}
