using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Query.Compilation;

/// <summary>A condition that does not look at the pod, e.g. <c>Container Restarts:*</c>.</summary>
internal sealed class ConstantPredicate : PodPredicate
{
    private ConstantPredicate(bool value) => Value = value;

    public static ConstantPredicate True { get; } = new(true);

    public static ConstantPredicate False { get; } = new(false);

    public bool Value { get; }

    public override bool Matches(PodRecord pod) => Value;
}

/// <summary>Pairs are ANDed; two conditions are common enough to skip the loop.</summary>
internal sealed class AllOf2Predicate(PodPredicate first, PodPredicate second) : PodPredicate
{
    private readonly PodPredicate _first = first;
    private readonly PodPredicate _second = second;

    public override bool Matches(PodRecord pod) => _first.Matches(pod) && _second.Matches(pod);

    public override PodPredicate Bind(Timestamp now) => Combine.All([_first.Bind(now), _second.Bind(now)]);
}

internal sealed class AllOfPredicate(PodPredicate[] parts) : PodPredicate
{
    private readonly PodPredicate[] _parts = parts;

    public override bool Matches(PodRecord pod)
    {
        foreach (var part in _parts)
        {
            if (!part.Matches(pod))
            {
                return false;
            }
        }

        return true;
    }

    public override PodPredicate Bind(Timestamp now) => Combine.All(Array.ConvertAll(_parts, p => p.Bind(now)));
}

/// <summary>The values of one pair are ORed .</summary>
internal sealed class AnyOf2Predicate(PodPredicate first, PodPredicate second) : PodPredicate
{
    private readonly PodPredicate _first = first;
    private readonly PodPredicate _second = second;

    public override bool Matches(PodRecord pod) => _first.Matches(pod) || _second.Matches(pod);

    public override PodPredicate Bind(Timestamp now) => Combine.Any([_first.Bind(now), _second.Bind(now)]);
}

internal sealed class AnyOfPredicate(PodPredicate[] parts) : PodPredicate
{
    private readonly PodPredicate[] _parts = parts;

    public override bool Matches(PodRecord pod)
    {
        foreach (var part in _parts)
        {
            if (part.Matches(pod))
            {
                return true;
            }
        }

        return false;
    }

    public override PodPredicate Bind(Timestamp now) => Combine.Any(Array.ConvertAll(_parts, p => p.Bind(now)));
}

/// <summary>Builds AND/OR nodes, folding constants so that e.g. <c>Pod Deleted:*</c> costs nothing per pod.</summary>
internal static class Combine
{
    public static PodPredicate All(PodPredicate[] parts) => Build(parts, identity: true);

    public static PodPredicate Any(PodPredicate[] parts) => Build(parts, identity: false);

    private static PodPredicate Build(PodPredicate[] parts, bool identity)
    {
        var kept = new List<PodPredicate>(parts.Length);
        foreach (var part in parts)
        {
            if (part is ConstantPredicate constant)
            {
                if (constant.Value != identity)
                {
                    // false in an AND, true in an OR decides the whole node.
                    return constant;
                }

                continue;
            }

            kept.Add(part);
        }

        return kept.Count switch
        {
            0 => identity ? ConstantPredicate.True : ConstantPredicate.False,
            1 => kept[0],
            2 => identity ? new AllOf2Predicate(kept[0], kept[1]) : new AnyOf2Predicate(kept[0], kept[1]),
            _ => identity ? new AllOfPredicate([.. kept]) : new AnyOfPredicate([.. kept]),
        };
    }
}
