using System.Globalization;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>Resident set figures of a process, from <c>/proc/&lt;pid&gt;/status</c> (Linux), in bytes.</summary>
public readonly record struct ProcessMemory(long Rss, long PeakRss)
{
    /// <summary>VmRSS and VmHWM now; zeros when the file cannot be read (not Linux, or the process is gone).</summary>
    public static ProcessMemory Read(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line);
                }
            }

            return new ProcessMemory(rss, hwm);
        }
        catch (IOException)
        {
            return default;
        }
        catch (UnauthorizedAccessException)
        {
            return default;
        }
    }

    /// <summary>
    /// Resets VmHWM to the current RSS (writing 5 to <c>/proc/&lt;pid&gt;/clear_refs</c>, Linux 4.0+), so a later
    /// <see cref="Read"/> gives the peak of the phase in between. False when the kernel refuses.
    /// </summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Kilobytes(string line)
    {
        // "VmRSS:	  123456 kB"
        var value = line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim();
        var space = value.IndexOf(' ');
        if (space > 0)
        {
            value = value[..space];
        }

        return long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture) * 1024;
    }
}
