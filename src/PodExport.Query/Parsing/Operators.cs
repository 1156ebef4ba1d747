using PodExport.Query.Syntax;

namespace PodExport.Query.Parsing;

/// <summary>The comparison prefixes of numeric and date values, longest first .</summary>
internal static class Operators
{
    /// <summary>Reads a leading operator and skips whitespace after it; <paramref name="rest"/> is the remainder.</summary>
    public static ComparisonOperator? Read(string v, out string rest)
    {
        ComparisonOperator? op;
        int length;
        if (v.StartsWith(">=", StringComparison.Ordinal))
        {
            (op, length) = (ComparisonOperator.GreaterOrEqual, 2);
        }
        else if (v.StartsWith("<=", StringComparison.Ordinal))
        {
            (op, length) = (ComparisonOperator.LessOrEqual, 2);
        }
        else if (v.StartsWith("==", StringComparison.Ordinal))
        {
            (op, length) = (ComparisonOperator.Equal, 2);
        }
        else if (v.Length > 0 && v[0] is '<' or '>' or '=')
        {
            op = v[0] switch
            {
                '<' => ComparisonOperator.Less,
                '>' => ComparisonOperator.Greater,
                _ => ComparisonOperator.Equal,
            };
            length = 1;
        }
        else
        {
            rest = v;
            return null;
        }

        rest = v[length..].TrimStart();
        return op;
    }
}
