namespace PodExport.Query.Tests.Fuzzing;

/// <summary>
/// The seed inputs of the query parser fuzz target, one file per input under <c>testassets/fuzz-corpus/</c> (the
/// libFuzzer layout, so the same directory can seed SharpFuzz). Add a file for every input that ever failed.
/// </summary>
internal static class FuzzCorpus
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "testassets", "fuzz-corpus");

    public static IReadOnlyList<(string Name, string Text)> Load() =>
        System.IO.Directory.GetFiles(Directory, "*.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .ToList();
}
