using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Query.Compilation;

/// <summary>
/// <c>Pod Started</c> within an interval; a missing bound is unbounded. A pod without a creation time never
/// matches (it matches only <c>-</c>, §6).
/// </summary>
internal sealed class StartedPredicate(Timestamp? lower, bool lowerInclusive, Timestamp? upper, bool upperInclusive) : PodPredicate
{
    private readonly Timestamp _lower = lower ?? new Timestamp(long.MinValue, 0);
    private readonly bool _lowerInclusive = lower is null || lowerInclusive;
    private readonly Timestamp _upper = upper ?? new Timestamp(long.MaxValue, 999_999_999);
    private readonly bool _upperInclusive = upper is null || upperInclusive;

    public override bool Matches(PodRecord pod)
    {
        if (pod.Started is not { } t)
        {
            return false;
        }

        return (_lowerInclusive ? t >= _lower : t > _lower) && (_upperInclusive ? t <= _upper : t < _upper);
    }
}

/// <summary><c>Pod Started:*</c> / <c>-</c>: the creation time is (or is not) known.</summary>
internal sealed class StartedPresencePredicate(bool present) : PodPredicate
{
    private readonly bool _present = present;

    public override bool Matches(PodRecord pod) => pod.Started.HasValue == _present;
}

/// <summary>
/// A date relative to the export's view time (§6.4 steps 4 and 5, W-39): unusable until bound, when it becomes
/// a <see cref="StartedPredicate"/>.
/// </summary>
internal sealed class RelativeStartedPredicate(Func<Timestamp, StartedPredicate> bind) : PodPredicate
{
    private readonly Func<Timestamp, StartedPredicate> _bind = bind;

    public override bool Matches(PodRecord pod) =>
        throw new InvalidOperationException("A relative date must be bound to the view time before use.");

    public override PodPredicate Bind(Timestamp now) => _bind(now);
}
