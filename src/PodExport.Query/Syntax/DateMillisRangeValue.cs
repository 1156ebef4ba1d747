using System.Globalization;

namespace PodExport.Query.Syntax;

/// <summary><c>tr/F-T</c> (§6.4 step 2): <c>F ≤ t &lt; T</c>, milliseconds since the Unix epoch.</summary>
public sealed record DateMillisRangeValue(long From, long To) : ValueSyntax
{
    public override string ToString() =>
        "tr/" + From.ToString(CultureInfo.InvariantCulture) + "-" + To.ToString(CultureInfo.InvariantCulture);
}
