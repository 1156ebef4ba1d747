using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PodExport.Query.Catalog;
using PodExport.Query.Syntax;

namespace PodExport.Query.Parsing;

/// <summary>Date values (§6.4), tried in the order of the spec; all times are UTC.</summary>
internal static class DateValueParser
{
    public static bool TryParse(QueryLabel label, string v, int position, [NotNullWhen(true)] out ValueSyntax? value, [NotNullWhen(false)] out QueryError? error)
    {
        value = null;
        error = null;

        // Step 2: tr/F-T in epoch milliseconds, cut at the first '-'.
        if (v.StartsWith("tr/", StringComparison.Ordinal))
        {
            var body = v.AsSpan(3);
            var dash = body.IndexOf('-');
            if (dash > 0 && dash < body.Length - 1
                && TryParseInteger(body[..dash], out var from) && TryParseInteger(body[(dash + 1)..], out var to))
            {
                value = new DateMillisRangeValue(from, to);
                return true;
            }

            error = QueryErrors.BadDate(v, label, position);
            return false;
        }

        // Step 3: an optional operator, then a calendar date.
        var op = Operators.Read(v, out var rest);
        if (DateLayouts.TryParse(rest, out var instant))
        {
            value = new DateInstantValue(op, instant);
            return true;
        }

        // Step 4: a day range N-M, only without an operator.
        if (op is null && rest.Length > 1)
        {
            var dash = rest.IndexOf('-', 1);
            if (dash > 0 && TryParseDays(rest.AsSpan(0, dash), out var n) && TryParseDays(rest.AsSpan(dash + 1), out var m))
            {
                if (n >= m)
                {
                    error = QueryErrors.BadRange(v, label, position);
                    return false;
                }

                value = new DateDayRangeValue(n, m);
                return true;
            }
        }

        // Step 5: a whole number of days, the operator inverted when the predicate is built.
        if (TryParseDays(rest, out var days))
        {
            value = new DateDaysAgoValue(op ?? ComparisonOperator.Equal, days);
            return true;
        }

        error = QueryErrors.BadDate(v, label, position);
        return false;
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 10, 32)</c> after removing one trailing <c>d</c>.</summary>
    private static bool TryParseDays(ReadOnlySpan<char> s, out int days)
    {
        if (s.EndsWith('d'))
        {
            s = s[..^1];
        }

        days = 0;
        return IsSignedDigits(s) && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out days);
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 10, 64)</c>: optional sign and decimal digits.</summary>
    private static bool TryParseInteger(ReadOnlySpan<char> s, out long number)
    {
        number = 0;
        return IsSignedDigits(s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsSignedDigits(ReadOnlySpan<char> s)
    {
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            s = s[1..];
        }

        return s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');
    }
}
