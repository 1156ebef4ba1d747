namespace PodExport.Server.Export;

/// <summary>Who is exporting, as authentication found out; the name is what the log shows (service.md S-16).</summary>
/// <param name="Name">The user name, or <c>anonymous</c>; never a token.</param>
public sealed record ExportCaller(string Name)
{
    public static ExportCaller Anonymous { get; } = new("anonymous");
}
