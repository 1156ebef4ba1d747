using System.Text.Json;

namespace PodExport.Server.Tests.Auth;

internal static class AuthBodies
{
    /// <summary>The stream-form error body of export-api W-28.</summary>
    public static string StreamError(int code, string message) =>
        $$$"""{"error":{"code":{{{code}}},"message":"{{{message}}}","details":[]}}""" + "\n";

    /// <summary>The namespaces of the pod lines of an export body, in order, one entry per pod.</summary>
    public static IReadOnlyList<string> Namespaces(string body) =>
        body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("result").GetProperty("pod").GetProperty("namespace").GetString() ?? "")
            .ToList();
}
