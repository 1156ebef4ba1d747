using System.Reflection;

namespace PodExport.Server.Telemetry;

/// <summary>
/// The build's version and source commit, from the server assembly's informational version (<c>1.0.0+&lt;sha&gt;</c>,
/// which the SDK writes when it can read the git commit). What <c>podexport_build_info</c> and <c>--version</c> show
/// (service.md S-17).
/// </summary>
public sealed record BuildInfo(string Version, string Commit)
{
    /// <summary>The commit when the build had no git metadata (an image built without <c>.git</c>).</summary>
    public const string UnknownCommit = "unknown";

    /// <summary>The running server's build.</summary>
    public static BuildInfo Current { get; } = Parse(
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary><see cref="Version"/>, plus <c>+commit</c> when the commit is known: the OpenTelemetry service version.</summary>
    public string InformationalVersion => Commit == UnknownCommit ? Version : Version + "+" + Commit;

    /// <summary>Splits an informational version at its first <c>+</c>: SemVer build metadata holds the commit.</summary>
    public static BuildInfo Parse(string? informationalVersion)
    {
        var text = informationalVersion?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new BuildInfo("0.0.0", UnknownCommit);
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return new BuildInfo(text, UnknownCommit);
        }

        var commit = text[(plus + 1)..];
        return new BuildInfo(plus == 0 ? "0.0.0" : text[..plus], commit.Length == 0 ? UnknownCommit : commit);
    }
}
