using System.Globalization;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// A process's CPU time (user + system) from <c>/proc/&lt;pid&gt;/stat</c>. On shared cores a phase's CPU time says
/// what the code costs where its wall time mostly says how busy the neighbours were.
/// </summary>
public static class ProcessCpu
{
    // USER_HZ: 100 on every mainstream Linux build; /proc reports times in these ticks.
    private const double TicksPerSecond = 100;

    /// <summary>The CPU time used so far; zero when it cannot be read.</summary>
    public static TimeSpan Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }
}
