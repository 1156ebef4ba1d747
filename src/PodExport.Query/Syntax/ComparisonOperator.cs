namespace PodExport.Query.Syntax;

/// <summary>The comparison of a numeric or date value (§6.3, §6.4); <c>=</c> and <c>==</c> are both <see cref="Equal"/>.</summary>
public enum ComparisonOperator
{
    Equal,
    Less,
    Greater,
    LessOrEqual,
    GreaterOrEqual,
}
