using System.Globalization;

namespace PodExport.Query.Syntax;

/// <summary><c>N-M</c> days (§6.4 step 4): <c>now − M days &lt; t &lt; now − N days</c>.</summary>
public sealed record DateDayRangeValue(int From, int To) : ValueSyntax
{
    public override string ToString() =>
        From.ToString(CultureInfo.InvariantCulture) + "d-" + To.ToString(CultureInfo.InvariantCulture) + "d";
}
