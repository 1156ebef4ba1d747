using PodExport.Model.Wire;
using PodExport.Query.Syntax;

namespace PodExport.Query.Parsing;

/// <summary>
/// The Go layouts of §6.4 step 3: <c>01/02/2006</c>, optionally followed by <c> 3:04[:05[.f…]] PM</c>, then
/// optionally by <c> MST</c>, where the zone must be <c>UTC</c> or <c>GMT</c> (Q-20).
/// </summary>
internal static class DateLayouts
{
    public static bool TryParse(string text, out Timestamp instant)
    {
        instant = default;
        var s = text.AsSpan();
        if (s.Length < 10 || s[2] != '/' || s[5] != '/'
            || !TryDigits(s[..2], out var month) || !TryDigits(s[3..5], out var day) || !TryDigits(s[6..10], out var year)
            || !CivilTime.IsValidDate(year, month, day))
        {
            return false;
        }

        s = s[10..];
        long secondOfDay = 0;
        var nanos = 0;
        if (s.Length > 1 && s[0] == ' ' && char.IsAsciiDigit(s[1]))
        {
            if (!TryTime(ref s, out secondOfDay, out nanos))
            {
                return false;
            }
        }

        if (s.Length > 0 && !(s is " UTC" or " GMT"))
        {
            return false;
        }

        var seconds = (CivilTime.DaysFromCivil(year, month, day) * CivilTime.SecondsPerDay) + secondOfDay;
        instant = new Timestamp(seconds, nanos);
        return true;
    }

    /// <summary><c> h:mm[:ss[.f…]] AM|PM</c>; the hour is 1 to 12 in one or two digits.</summary>
    private static bool TryTime(ref ReadOnlySpan<char> s, out long secondOfDay, out int nanos)
    {
        secondOfDay = 0;
        nanos = 0;
        s = s[1..];
        var hourDigits = s.Length > 1 && char.IsAsciiDigit(s[1]) ? 2 : 1;
        if (!TryDigits(s[..hourDigits], out var hour) || hour is < 1 or > 12)
        {
            return false;
        }

        s = s[hourDigits..];
        if (s.Length < 3 || s[0] != ':' || !TryDigits(s[1..3], out var minute) || minute > 59)
        {
            return false;
        }

        s = s[3..];
        var second = 0;
        if (s.Length > 0 && s[0] == ':')
        {
            if (s.Length < 3 || !TryDigits(s[1..3], out second) || second > 59)
            {
                return false;
            }

            s = s[3..];
            if (s.Length > 1 && s[0] == '.' && char.IsAsciiDigit(s[1]))
            {
                // Go reads every fraction digit; nanoseconds keep the first nine.
                var end = 1;
                while (end < s.Length && char.IsAsciiDigit(s[end]))
                {
                    end++;
                }

                var fraction = s[1..end];
                for (var i = 0; i < 9; i++)
                {
                    nanos = (nanos * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
                }

                s = s[end..];
            }
        }

        if (s.Length < 3 || s[0] != ' ' || !(s[1..3] is "AM" or "PM"))
        {
            return false;
        }

        var pm = s[1] == 'P';
        s = s[3..];
        hour %= 12;
        if (pm)
        {
            hour += 12;
        }

        secondOfDay = (hour * 3600L) + (minute * 60L) + second;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
