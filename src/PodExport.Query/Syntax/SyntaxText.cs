using System.Globalization;
using System.Text;
using PodExport.Model.Wire;

namespace PodExport.Query.Syntax;

/// <summary>Prints numbers, operators and dates in forms the parser reads back to the same value.</summary>
internal static class SyntaxText
{
    public static string FormatOperator(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.GreaterOrEqual => ">=",
        _ => "=",
    };

    /// <summary>
    /// Shortest round-trip text, with a negative exponent written out as a plain decimal: in a range, the '-'
    /// of <c>1E-05</c> would be taken for the range separator (Q-19).
    /// </summary>
    public static string FormatNumber(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0 || text[e + 1] != '-')
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var mantissa = text.AsSpan(0, e);
        var negative = mantissa[0] == '-';
        if (negative)
        {
            mantissa = mantissa[1..];
        }

        // R formatting gives one digit before the point, so the value is 0.(exponent - 1 zeros)digits.
        var builder = new StringBuilder(negative ? "-0." : "0.");
        builder.Append('0', exponent - 1);
        foreach (var c in mantissa)
        {
            if (c != '.')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary><c>MM/DD/YYYY</c>, plus <c> h:mm:ss[.fffffffff] AM|PM</c> when the time of day is not midnight.</summary>
    public static string FormatDate(Timestamp instant)
    {
        var days = Math.DivRem(instant.Seconds, CivilTime.SecondsPerDay, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += CivilTime.SecondsPerDay;
            days--;
        }

        var (year, month, day) = CivilTime.CivilFromDays(days);
        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"{month:D2}/{day:D2}/{year:D4}");
        if (secondOfDay == 0 && instant.Nanos == 0)
        {
            return builder.ToString();
        }

        var hour = (int)(secondOfDay / 3600);
        var minute = (int)(secondOfDay / 60 % 60);
        var second = (int)(secondOfDay % 60);
        var hour12 = hour % 12 == 0 ? 12 : hour % 12;
        builder.Append(CultureInfo.InvariantCulture, $" {hour12}:{minute:D2}:{second:D2}");
        if (instant.Nanos != 0)
        {
            builder.Append('.').Append(instant.Nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        builder.Append(hour < 12 ? " AM" : " PM");
        return builder.ToString();
    }
}
