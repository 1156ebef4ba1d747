using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.EndToEnd.Testing;

internal static class ExportClient
{
    public const string Path = "/v1/export/pods";

    public const string DegradedHeader = "PodExport-Degraded";

    /// <summary>GET the export, <paramref name="query"/> percent-encoded (so a <c>+</c> stays a <c>+</c>).</summary>
    public static async Task<ExportResult> ExportAsync(this HttpClient client, string? query = null)
    {
        var uri = query is null ? Path : Path + "?query=" + Uri.EscapeDataString(query);
        using var response = await client.StartAsync(uri);
        var body = await response.BodyAsync();
        return ExportResult.Parse((int)response.StatusCode, response.Header(DegradedHeader), body);
    }

    /// <summary>An export that must succeed: 200 and no error line.</summary>
    public static async Task<ExportResult> ExportOkAsync(this HttpClient client, string? query = null)
    {
        var export = await client.ExportAsync(query);
        Assert.True(export.Status == 200 && export.Error is null, $"query {query}: {export.Status} {export.Body}");
        return export;
    }
}
