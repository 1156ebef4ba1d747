using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PodExport.Server.Tests.Deployment;

/// <summary>The template functions the chart uses (a subset of Go templates' and sprig's).</summary>
public sealed partial class HelmLite
{
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

    [GeneratedRegex(@"%[sdv]")]
    private static partial Regex PrintfVerbPattern();
}
