using PodExport.Model.Wire;

namespace PodExport.Query.Syntax;

/// <summary>
/// A calendar date (and time) of §6.4 step 3. Without an operator it matches the 24 hours starting at
/// <see cref="Instant"/>; with one, it compares with the instant.
/// </summary>
public sealed record DateInstantValue(ComparisonOperator? Operator, Timestamp Instant) : ValueSyntax
{
    public override string ToString() =>
        (Operator is { } op ? SyntaxText.FormatOperator(op) : "") + SyntaxText.FormatDate(Instant);
}
