namespace PodExport.Query.Syntax;

/// <summary>
/// Proleptic Gregorian calendar arithmetic on days since 1970-01-01, valid for years 0 to 9999 (Go's date layouts
/// accept year 0, which <see cref="DateTime"/> cannot hold).
/// </summary>
internal static class CivilTime
{
    public const long SecondsPerDay = 86_400;

    public static bool IsValidDate(int year, int month, int day) =>
        year is >= 0 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DaysInMonth(year, month);

    public static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeap(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    public static bool IsLeap(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    /// <summary>Days from 1970-01-01 to the date (negative before it).</summary>
    public static long DaysFromCivil(int year, int month, int day)
    {
        // Count whole years in 400-year eras starting on March 1st, so the leap day ends a year.
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yearOfEra = y - (era * 400);
        var shiftedMonth = month > 2 ? month - 3 : month + 9;
        var dayOfYear = ((153 * shiftedMonth) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146_097) + dayOfEra - 719_468;
    }

    public static (int Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719_468;
        var era = (days >= 0 ? days : days - 146_096) / 146_097;
        var dayOfEra = days - (era * 146_097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36_524) - (dayOfEra / 146_096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var shiftedMonth = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * shiftedMonth) + 2) / 5) + 1);
        var month = (int)(shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        var year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
        return (year, month, day);
    }
}
