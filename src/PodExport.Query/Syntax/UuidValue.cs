using System.Globalization;

namespace PodExport.Query.Syntax;

/// <summary>A UUID equality (or, negated, inequality) of Q-16; never a prefix.</summary>
public sealed record UuidValue(Guid Value, bool Negated = false) : ValueSyntax
{
    public override string ToString() => (Negated ? "!" : "") + Value.ToString("D", CultureInfo.InvariantCulture);
}
