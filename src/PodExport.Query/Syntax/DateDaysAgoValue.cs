using System.Globalization;

namespace PodExport.Query.Syntax;

/// <summary>
/// <c>Nd</c> with an optional operator (§6.4 step 5): compares with <c>now − N days</c>, the operator inverted
/// (<c>&gt;30d</c> is "older than 30 days").
/// </summary>
public sealed record DateDaysAgoValue(ComparisonOperator Operator, int Days) : ValueSyntax
{
    public override string ToString() =>
        (Operator == ComparisonOperator.Equal ? "" : SyntaxText.FormatOperator(Operator)) +
        Days.ToString(CultureInfo.InvariantCulture) + "d";
}
