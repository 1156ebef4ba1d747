using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// The namespace of the path plus the label and field selectors of the query (kubernetes-api D.1 item 22). Only the
/// forms kubectl commonly sends are supported; anything else is a 400, never silently ignored.
/// </summary>
internal sealed class ObjectFilter
{
    private readonly List<Requirement> _labels;
    private readonly List<Requirement> _fields;

    private ObjectFilter(string? @namespace, List<Requirement> labels, List<Requirement> fields)
    {
        Namespace = @namespace;
        _labels = labels;
        _fields = fields;
    }

    private enum Op
    {
        Equals,
        NotEquals,
        Exists,
        NotExists,
    }

    public string? Namespace { get; }

    /// <summary>Selectors present: kube-apiserver then leaves out remainingItemCount.</summary>
    public bool HasSelectors => _labels.Count > 0 || _fields.Count > 0;

    public static ObjectFilter Create(ResourceKind kind, string? @namespace, string? labelSelector, string? fieldSelector) =>
        new(@namespace, ParseLabels(labelSelector ?? ""), ParseFields(kind, fieldSelector ?? ""));

    public bool Matches(StoredObject obj)
    {
        if (Namespace is not null && obj.Key.Namespace != Namespace)
        {
            return false;
        }

        foreach (var r in _labels)
        {
            string? value = null;
            var has = obj.Labels is not null && obj.Labels.TryGetValue(r.Key, out value);
            var ok = r.Op switch
            {
                Op.Equals => has && value == r.Value,
                Op.NotEquals => !has || value != r.Value,
                Op.Exists => has,
                _ => !has,
            };
            if (!ok)
            {
                return false;
            }
        }

        foreach (var r in _fields)
        {
            var value = r.Key switch
            {
                "metadata.name" => obj.Key.Name,
                "metadata.namespace" => obj.Key.Namespace,
                "status.phase" => obj.Phase ?? "",
                _ => obj.NodeName ?? "",
            };
            if ((value == r.Value) != (r.Op == Op.Equals))
            {
                return false;
            }
        }

        return true;
    }

    private static List<Requirement> ParseLabels(string selector)
    {
        var result = new List<Requirement>();
        foreach (var raw in selector.Split(','))
        {
            var term = raw.Trim();
            if (term.Length == 0)
            {
                continue;
            }

            if (term.Contains('(', StringComparison.Ordinal) || term.Contains(' ', StringComparison.Ordinal) ||
                term.Contains('<', StringComparison.Ordinal) || term.Contains('>', StringComparison.Ordinal))
            {
                throw ApiStatus.BadRequest($"unable to parse requirement: the simulator supports only equality label selectors, got \"{term}\"");
            }

            Requirement r;
            if (term.StartsWith('!'))
            {
                r = new Requirement(term[1..], Op.NotExists, "");
            }
            else if (term.IndexOf("!=", StringComparison.Ordinal) is var ne and > 0)
            {
                r = new Requirement(term[..ne], Op.NotEquals, term[(ne + 2)..]);
            }
            else if (term.IndexOf("==", StringComparison.Ordinal) is var ee and > 0)
            {
                r = new Requirement(term[..ee], Op.Equals, term[(ee + 2)..]);
            }
            else if (term.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                r = new Requirement(term[..eq], Op.Equals, term[(eq + 1)..]);
            }
            else
            {
                r = new Requirement(term, Op.Exists, "");
            }

            if (r.Key.Length == 0 || r.Key.Contains('=', StringComparison.Ordinal) || r.Key.Contains('!', StringComparison.Ordinal) ||
                r.Value.Contains('=', StringComparison.Ordinal) || r.Value.Contains('!', StringComparison.Ordinal))
            {
                throw ApiStatus.BadRequest($"unable to parse requirement: invalid label selector term \"{term}\"");
            }

            result.Add(r);
        }

        return result;
    }

    private static List<Requirement> ParseFields(ResourceKind kind, string selector)
    {
        var result = new List<Requirement>();
        foreach (var term in SplitUnescaped(selector))
        {
            if (term.Length == 0)
            {
                continue;
            }

            Requirement r;
            if (IndexOfUnescaped(term, "!=") is var ne and > 0)
            {
                r = new Requirement(term[..ne], Op.NotEquals, Unescape(term[(ne + 2)..]));
            }
            else if (IndexOfUnescaped(term, "==") is var ee and > 0)
            {
                r = new Requirement(term[..ee], Op.Equals, Unescape(term[(ee + 2)..]));
            }
            else if (IndexOfUnescaped(term, "=") is var eq and > 0)
            {
                r = new Requirement(term[..eq], Op.Equals, Unescape(term[(eq + 1)..]));
            }
            else
            {
                throw ApiStatus.BadRequest($"invalid selector: '{selector}'; can't understand '{term}'");
            }

            var supported = r.Key is "metadata.name" or "metadata.namespace" ||
                (r.Key is "spec.nodeName" or "status.phase" && kind == ResourceKind.Pod);
            if (!supported)
            {
                throw ApiStatus.BadRequest($"field label not supported: {r.Key}");
            }

            result.Add(r);
        }

        return result;
    }

    private static List<string> SplitUnescaped(string s)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == ',')
            {
                parts.Add(s[start..i]);
                start = i + 1;
            }
        }

        parts.Add(s[start..]);
        return parts;
    }

    private static int IndexOfUnescaped(string s, string op)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (string.CompareOrdinal(s, i, op, 0, op.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Unescape(string s) =>
        s.Replace("\\,", ",", StringComparison.Ordinal).Replace("\\=", "=", StringComparison.Ordinal)
            .Replace("\\\\", "\\", StringComparison.Ordinal);

    private sealed record Requirement(string Key, Op Op, string Value);
}
