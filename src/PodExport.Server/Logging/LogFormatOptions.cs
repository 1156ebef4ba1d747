namespace PodExport.Server.Logging;

/// <summary>The console log format, key <c>Logging:Format</c>.</summary>
public sealed class LogFormatOptions
{
    public const string Section = "Logging";
    public const string Key = Section + ":" + nameof(Format);
    public const string Json = "json";
    public const string Simple = "simple";

    /// <summary>
    /// <c>json</c> (one JSON object per line) or <c>simple</c> (the .NET default); unset means json in a container
    /// (<c>DOTNET_RUNNING_IN_CONTAINER=true</c>, which the .NET images set) and simple elsewhere.
    /// </summary>
    public string? Format { get; set; }
}
