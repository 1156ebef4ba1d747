namespace PodExport.Query.Syntax;

/// <summary><c>A-B</c> on a numeric field: <c>A &lt; x &lt; B</c> (Q-19).</summary>
public sealed record NumericRangeValue(double Lower, double Upper) : ValueSyntax
{
    public override string ToString() => SyntaxText.FormatNumber(Lower) + "-" + SyntaxText.FormatNumber(Upper);
}
