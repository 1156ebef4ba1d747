using System.Runtime.CompilerServices;
using System.Text;

namespace PodExport.Model.Tests.Json;

/// <summary>
/// Byte-for-byte comparison with files under <c>testassets/</c>. Set PODEXPORT_REGENERATE_GOLDEN=1 to rewrite the
/// source copies instead (then review the diff); nothing is ever regenerated otherwise.
/// </summary>
internal static class GoldenFile
{
    private const string RegenerateVariable = "PODEXPORT_REGENERATE_GOLDEN";

    public static void AssertMatches(string relativePath, byte[] actual)
    {
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            var sourcePath = Path.Combine(ProjectDirectory(), "testassets", relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllBytes(sourcePath, actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "testassets", relativePath);
        Assert.True(File.Exists(path), $"Golden file {relativePath} is missing; run with {RegenerateVariable}=1 to create it.");
        var expected = File.ReadAllBytes(path);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            // Strings give a readable diff; the byte comparison above is the real check.
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));
            Assert.Equal(expected, actual);
        }
    }

    private static string ProjectDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(thisFile)!)!;
}
