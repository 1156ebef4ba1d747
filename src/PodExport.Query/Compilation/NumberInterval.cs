namespace PodExport.Query.Compilation;

/// <summary>An interval of the real line; every numeric form of §6.3 is one (equality is <c>[N, N]</c>).</summary>
internal readonly record struct NumberInterval(double Lower, bool LowerInclusive, double Upper, bool UpperInclusive)
{
    public bool Contains(double x) =>
        (LowerInclusive ? x >= Lower : x > Lower) && (UpperInclusive ? x <= Upper : x < Upper);
}
