using PodExport.Server.Telemetry;
using PodExport.Server.Tests.Deployment;

namespace PodExport.Server.Tests.Telemetry;

/// <summary><c>--version</c> and the build identity behind <c>podexport_build_info</c> (service.md S-17).</summary>
public sealed class BuildInfoTests
{
    [Theory]
    [InlineData("1.0.0+71d07cc65ce36b633e97700066d8ba76844b9265", "1.0.0", "71d07cc65ce36b633e97700066d8ba76844b9265")]
    [InlineData("2.1.0-rc.1+abc", "2.1.0-rc.1", "abc")]
    [InlineData("1.0.0", "1.0.0", BuildInfo.UnknownCommit)]
    [InlineData("1.0.0+", "1.0.0", BuildInfo.UnknownCommit)]
    [InlineData("", "0.0.0", BuildInfo.UnknownCommit)]
    [InlineData(null, "0.0.0", BuildInfo.UnknownCommit)]
    public void BuildInfo_Parse_SplitsVersionAndCommit(string? informational, string version, string commit)
    {
        Assert.Equal(new BuildInfo(version, commit), BuildInfo.Parse(informational));
    }

    [Fact]
    public void BuildInfo_InformationalVersion_OmitsAnUnknownCommit()
    {
        Assert.Equal("1.2.3", new BuildInfo("1.2.3", BuildInfo.UnknownCommit).InformationalVersion);
        Assert.Equal("1.2.3+abc", new BuildInfo("1.2.3", "abc").InformationalVersion);
    }

    [Fact]
    public void VersionCommand_WithSwitch_PrintsVersionAndCommit()
    {
        using var output = new StringWriter();

        Assert.True(VersionCommand.TryRun(["--urls", "http://127.0.0.1:0", "--version"], output));

        var build = BuildInfo.Current;
        Assert.Equal($"podexport version={build.Version} commit={build.Commit}" + Environment.NewLine, output.ToString());
        Assert.NotEqual("0.0.0", build.Version);
    }

    [Fact]
    public void VersionCommand_WithoutSwitch_PrintsNothing()
    {
        using var output = new StringWriter();

        Assert.False(VersionCommand.TryRun(["--simulate", "--Version=1"], output));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Server_VersionSwitch_PrintsAndExitsWithoutStarting()
    {
        // The real entry point: Program.cs must call VersionCommand before it builds the host.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var server = Path.Combine(AppContext.BaseDirectory, "PodExport.Server.dll");

        var result = await ExternalTool.RunAsync(dotnet, AppContext.BaseDirectory, "exec", server, "--version", "--urls", "http://127.0.0.1:0");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(VersionCommand.Format(BuildInfo.Current), result.Output.Trim());
    }
}
