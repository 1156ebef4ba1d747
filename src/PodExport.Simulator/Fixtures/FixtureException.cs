namespace PodExport.Simulator.Fixtures;

/// <summary>A fixture file that cannot be loaded; the message names the file and the document or item.</summary>
public sealed class FixtureException : Exception
{
    public FixtureException()
    {
    }

    public FixtureException(string message)
        : base(message)
    {
    }

    public FixtureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The fixture file.</summary>
    public string? FilePath { get; init; }

    /// <summary>Where in the file, e.g. <c>document 2 (line 14)</c> or <c>item 3</c>; null for the whole file.</summary>
    public string? Location { get; init; }

    internal static FixtureException For(string path, string? location, string problem, Exception? inner = null)
    {
        var message = location is null ? $"Fixture '{path}': {problem}" : $"Fixture '{path}', {location}: {problem}";
        return inner is null
            ? new FixtureException(message) { FilePath = path, Location = location }
            : new FixtureException(message, inner) { FilePath = path, Location = location };
    }
}
