using PodExport.Model.Wire;
using PodExport.Query.Syntax;

namespace PodExport.Query.Compilation;

/// <summary>The date forms of §6.4 as intervals of <c>started</c>.</summary>
internal static class DateCompiler
{
    private const long SecondsPerDay = 86_400;

    public static PodPredicate Compile(ValueSyntax value) => value switch
    {
        PresenceValue p => new StartedPresencePredicate(p.Present),
        DateMillisRangeValue r => new StartedPredicate(FromMillis(r.From), true, FromMillis(r.To), false),
        DateInstantValue { Operator: null } d => new StartedPredicate(d.Instant, true, AddSeconds(d.Instant, SecondsPerDay), false),
        DateInstantValue d => Compare(d.Operator!.Value, d.Instant),
        DateDayRangeValue r => new RelativeStartedPredicate(
            now => new StartedPredicate(DaysAgo(now, r.To), false, DaysAgo(now, r.From), false)),

        // The operator is inverted: ">30d" means "older than 30 days" (§6.4 step 5).
        DateDaysAgoValue d => new RelativeStartedPredicate(now =>
        {
            var then = DaysAgo(now, d.Days);
            return d.Operator switch
            {
                ComparisonOperator.Greater => new StartedPredicate(null, false, then, true),
                ComparisonOperator.GreaterOrEqual => new StartedPredicate(null, false, then, false),
                ComparisonOperator.Less => new StartedPredicate(then, true, null, false),
                ComparisonOperator.LessOrEqual => new StartedPredicate(then, false, null, false),
                _ => new StartedPredicate(then, true, then, true),
            };
        }),
        _ => throw PredicateCompiler.Unexpected(value),
    };

    private static StartedPredicate Compare(ComparisonOperator op, Timestamp instant) => op switch
    {
        ComparisonOperator.Less => new StartedPredicate(null, false, instant, false),
        ComparisonOperator.LessOrEqual => new StartedPredicate(null, false, instant, true),
        ComparisonOperator.Greater => new StartedPredicate(instant, false, null, false),
        ComparisonOperator.GreaterOrEqual => new StartedPredicate(instant, true, null, false),
        _ => new StartedPredicate(instant, true, instant, true),
    };

    private static Timestamp FromMillis(long millis) =>
        new(Math.DivRem(millis, 1000, out var rest) - (rest < 0 ? 1 : 0), (int)((rest < 0 ? rest + 1000 : rest) * 1_000_000));

    private static Timestamp AddSeconds(Timestamp t, long seconds) => t with { Seconds = t.Seconds + seconds };

    private static Timestamp DaysAgo(Timestamp now, int days) => AddSeconds(now, -days * SecondsPerDay);
}
