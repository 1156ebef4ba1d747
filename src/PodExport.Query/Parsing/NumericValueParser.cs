using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PodExport.Query.Catalog;
using PodExport.Query.Syntax;

namespace PodExport.Query.Parsing;

/// <summary>Numeric values (§6.3): an optional operator and a decimal number, or an exclusive range <c>A-B</c>.</summary>
internal static class NumericValueParser
{
    public static bool TryParse(QueryLabel label, string v, int position, [NotNullWhen(true)] out ValueSyntax? value, [NotNullWhen(false)] out QueryError? error)
    {
        value = null;
        error = null;
        var op = Operators.Read(v, out var rest);
        var dash = op is null && v.Length > 1 ? v.IndexOf('-', 1) : -1;
        if (dash > 0)
        {
            // without an operator, a '-' after the first character makes a range.
            if (!TryParseNumber(v.AsSpan(0, dash), out var lower) || !TryParseNumber(v.AsSpan(dash + 1), out var upper))
            {
                error = QueryErrors.BadNumber(v, label, position);
                return false;
            }

            if (!(lower < upper))
            {
                error = QueryErrors.BadRange(v, label, position);
                return false;
            }

            value = new NumericRangeValue(lower, upper);
            return true;
        }

        if (!TryParseNumber(rest, out var number))
        {
            error = QueryErrors.BadNumber(v, label, position);
            return false;
        }

        value = new NumericCompareValue(op ?? ComparisonOperator.Equal, number);
        return true;
    }

    /// <summary>
    /// optional sign, digits with an optional fraction (<c>5</c>, <c>5.</c>, <c>.5</c>), optional exponent.
    /// No <c>inf</c>, <c>nan</c>, hex or digit separators, and the value must be finite.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> s, out double number)
    {
        number = 0;
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
            digits++;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == s.Length
            && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }
}
