using PodExport.Model.Records;
using PodExport.Model.Wire;

namespace PodExport.Query.Compilation;

/// <summary>
/// A compiled condition on a pod record. Predicates are immutable and thread-safe. Those that depend on the
/// export's view time (relative dates, W-39) are bound with <see cref="Bind"/> before use.
/// </summary>
internal abstract class PodPredicate
{
    public abstract bool Matches(PodRecord pod);

    /// <summary>This predicate with "now" fixed; most predicates do not depend on it and return themselves.</summary>
    public virtual PodPredicate Bind(Timestamp now) => this;
}
