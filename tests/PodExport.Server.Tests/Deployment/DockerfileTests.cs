using System.Text.RegularExpressions;

namespace PodExport.Server.Tests.Deployment;

/// <summary>OPERATIONS.md §2: no Docker engine runs here, so the Dockerfile's essentials are checked by parsing it.</summary>
public sealed partial class DockerfileTests
{
    private static readonly List<(string Instruction, string Arguments)> _instructions = Parse(RepositoryPaths.ReadText("Dockerfile"));

    [Fact]
    public void Dockerfile_Stages_BuildOnSdkAndRunOnChiseledAspNet10()
    {
        var froms = Arguments("FROM");

        Assert.Equal(2, froms.Count);
        Assert.Matches(@"^--platform=\$BUILDPLATFORM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", froms[0]);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:10\.0-[a-z]+-chiseled( AS \w+)?$", froms[1]);
        Assert.Contains("TARGETARCH", Arguments("ARG"));
    }

    [Fact]
    public void Dockerfile_BaseImages_ArePinnedTo10AndNeverLatest()
    {
        Assert.DoesNotContain("latest", RepositoryPaths.ReadText("Dockerfile"), StringComparison.OrdinalIgnoreCase);
        foreach (var from in Arguments("FROM"))
        {
            var image = from.Split(' ').First(part => !part.StartsWith("--", StringComparison.Ordinal));
            Assert.Matches(@":10\.0(-[a-z-]+)?$", image);
        }
    }

    [Fact]
    public void Dockerfile_Restore_ComesBeforeTheSourceCopyAndPublishSkipsIt()
    {
        var restore = IndexOf("RUN", a => a.StartsWith("dotnet restore src/PodExport.Server", StringComparison.Ordinal));
        var sourceCopy = IndexOf("COPY", a => a == "src/ src/");
        var publish = IndexOf("RUN", a => a.StartsWith("dotnet publish src/PodExport.Server", StringComparison.Ordinal));

        Assert.True(restore >= 0, "no 'dotnet restore src/PodExport.Server'");
        Assert.True(sourceCopy > restore, "the source COPY must come after the restore");
        Assert.True(publish > sourceCopy, "publish must come after the source COPY");
        Assert.Contains("-c Release", _instructions[publish].Arguments, StringComparison.Ordinal);
        Assert.Contains("--no-restore", _instructions[publish].Arguments, StringComparison.Ordinal);
        Assert.Contains("-a $TARGETARCH", _instructions[restore].Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_RestoreLayer_CopiesEverySourceProjectFile()
    {
        var copiedBeforeRestore = _instructions
            .Take(IndexOf("RUN", a => a.StartsWith("dotnet restore", StringComparison.Ordinal)))
            .Where(i => i.Instruction == "COPY")
            .Select(i => i.Arguments)
            .ToList();
        var projects = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Root, p).Replace('\\', '/'));

        foreach (var project in projects)
        {
            Assert.Contains(copiedBeforeRestore, c => c.StartsWith(project + " ", StringComparison.Ordinal));
        }

        Assert.Contains(copiedBeforeRestore, c => c.Contains("Directory.Packages.props", StringComparison.Ordinal));
        Assert.Contains(copiedBeforeRestore, c => c.Contains("Directory.Build.props", StringComparison.Ordinal));
        Assert.Contains(copiedBeforeRestore, c => c.Contains("global.json", StringComparison.Ordinal));

        // The analyzer severities: without them the warnings-as-errors publish fails inside the image build.
        Assert.Contains(_instructions.TakeWhile(i => i.Arguments != "src/ src/" && !i.Arguments.StartsWith("dotnet publish", StringComparison.Ordinal)),
            i => i.Instruction == "COPY" && i.Arguments.Split(' ').Contains(".editorconfig"));
        Assert.DoesNotContain(copiedBeforeRestore, c => c.Contains("tests/", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_FinalStage_RunsAsNumericUserOnPort8080WithExecFormEntrypoint()
    {
        var finalStage = _instructions.Skip(_instructions.FindLastIndex(i => i.Instruction == "FROM")).ToList();

        Assert.Equal(["1654"], finalStage.Where(i => i.Instruction == "USER").Select(i => i.Arguments));
        Assert.Equal(["8080"], finalStage.Where(i => i.Instruction == "EXPOSE").Select(i => i.Arguments));
        Assert.Equal(["[\"./PodExport.Server\"]"], finalStage.Where(i => i.Instruction == "ENTRYPOINT").Select(i => i.Arguments));
        Assert.DoesNotContain(finalStage, i => i.Instruction is "RUN" or "HEALTHCHECK" or "CMD");
        Assert.Contains(finalStage, i => i.Instruction == "COPY" && i.Arguments == "--link --from=build /app .");
    }

    [Fact]
    public void Dockerfile_Entrypoint_MatchesTheServerAssemblyName()
    {
        var project = RepositoryPaths.ReadText("src", "PodExport.Server", "PodExport.Server.csproj");
        var assemblyName = AssemblyNamePattern().Match(project) is { Success: true } m ? m.Groups[1].Value : "PodExport.Server";

        Assert.Equal($"[\"./{assemblyName}\"]", Arguments("ENTRYPOINT").Single());
    }

    [Fact]
    public void DockerIgnore_ExcludesBuildOutputTestsChartsAndGit()
    {
        var entries = RepositoryPaths.ReadText(".dockerignore").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet();

        Assert.Superset(new HashSet<string> { "**/bin", "**/obj", "tests/", "charts/", ".git" }, entries);
        Assert.DoesNotContain("src/", entries);
    }

    private static List<string> Arguments(string instruction) =>
        _instructions.Where(i => i.Instruction == instruction).Select(i => i.Arguments).ToList();

    private static int IndexOf(string instruction, Func<string, bool> predicate) =>
        _instructions.FindIndex(i => i.Instruction == instruction && predicate(i.Arguments));

    /// <summary>Instructions with line continuations joined; comments and parser directives dropped.</summary>
    private static List<(string Instruction, string Arguments)> Parse(string text)
    {
        var result = new List<(string, string)>();
        var current = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }

            current += line;
            var parts = current.Trim().Split(' ', 2);
            result.Add((parts[0].ToUpperInvariant(), parts.Length > 1 ? WhitespacePattern().Replace(parts[1].Trim(), " ") : string.Empty));
            current = string.Empty;
        }

        return result;
    }

    [GeneratedRegex(@"<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyNamePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
