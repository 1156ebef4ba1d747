namespace PodExport.Simulator.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Simulated cluster listening on {Address}")]
    public static partial void Listening(ILogger logger, Uri address);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Loaded {Count} objects from {Path}")]
    public static partial void FixtureLoaded(ILogger logger, string path, int count);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "The scenario engine failed")]
    public static partial void ScenarioFailed(ILogger logger, Exception exception);
}
