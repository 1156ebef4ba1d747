namespace PodExport.Query.Syntax;

/// <summary><c>N</c>, <c>=N</c>, <c>&lt;N</c>, <c>&gt;=N</c>, … on a numeric field (§6.3).</summary>
public sealed record NumericCompareValue(ComparisonOperator Operator, double Number) : ValueSyntax
{
    public override string ToString()
    {
        var number = SyntaxText.FormatNumber(Number);

        // Without an operator, a '-' after the first character would read as a range.
        var op = Operator == ComparisonOperator.Equal && number.IndexOf('-', 1) < 0 ? "" : SyntaxText.FormatOperator(Operator);
        return op + number;
    }
}
