namespace PodExport.Server.Telemetry;

/// <summary><c>--version</c>: prints what <c>podexport_build_info</c> carries and tells Program to exit (service.md S-17).</summary>
public static class VersionCommand
{
    public const string Switch = "--version";

    /// <summary>
    /// Writes <c>podexport version=&lt;version&gt; commit=&lt;commit&gt;</c> and returns true when <paramref name="args"/>
    /// holds <c>--version</c>; otherwise writes nothing and returns false.
    /// </summary>
    public static bool TryRun(string[] args, TextWriter output)
    {
        if (!args.Contains(Switch, StringComparer.Ordinal))
        {
            return false;
        }

        output.WriteLine(Format(BuildInfo.Current));
        return true;
    }

    public static string Format(BuildInfo build) => $"podexport version={build.Version} commit={build.Commit}";
}
