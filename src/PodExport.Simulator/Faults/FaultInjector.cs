namespace PodExport.Simulator.Faults;

/// <summary>The active fault rules; the first live rule matching a request applies to it.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];

    /// <summary>Rules not yet exhausted, in the order they were added.</summary>
    public IReadOnlyList<FaultRule> Active
    {
        get
        {
            lock (_lock)
            {
                return _rules.Where(r => !r.Exhausted).ToList();
            }
        }
    }

    public FaultRule Add(FaultRule rule)
    {
        lock (_lock)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    public void Remove(FaultRule rule)
    {
        lock (_lock)
        {
            _rules.Remove(rule);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>Finds and claims the rule for a request, or null.</summary>
    internal FaultRule? Take(FaultVerb verb, string? kind, string path, string? resourceVersion)
    {
        lock (_lock)
        {
            foreach (var rule in _rules)
            {
                if (Matches(rule, verb, kind, path, resourceVersion) && rule.TryClaim())
                {
                    return rule;
                }
            }

            _rules.RemoveAll(r => r.Exhausted);
            return null;
        }
    }

    private static bool Matches(FaultRule rule, FaultVerb verb, string? kind, string path, string? resourceVersion)
    {
        var verbOk = rule.Verb switch
        {
            FaultVerb.Any => true,
            FaultVerb.ListOrWatch => verb is FaultVerb.List or FaultVerb.Watch,
            _ => rule.Verb == verb,
        };
        return verbOk &&
            (rule.Resource is null || string.Equals(rule.Resource, kind, StringComparison.OrdinalIgnoreCase)) &&
            (rule.PathContains is null || path.Contains(rule.PathContains, StringComparison.Ordinal)) &&
            (rule.ResourceVersion is null || rule.ResourceVersion == (resourceVersion ?? ""));
    }
}
