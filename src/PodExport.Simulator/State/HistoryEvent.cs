using System.Collections.Immutable;

namespace PodExport.Simulator.State;

/// <summary>
/// One recorded change. <see cref="SetBefore"/> is the kind's object set just before the change, which makes the
/// snapshot at any retained RV cheap (paged lists at an older RV).
/// </summary>
internal sealed record HistoryEvent(
    ChangeType Type,
    long ResourceVersion,
    StoredObject Object,
    StoredObject? Previous,
    ImmutableSortedSet<StoredObject> SetBefore,
    DateTimeOffset At)
{
    public ResourceKind Kind => Object.Kind;
}
