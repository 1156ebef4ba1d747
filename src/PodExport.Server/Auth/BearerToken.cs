using Microsoft.Net.Http.Headers;

namespace PodExport.Server.Auth;

/// <summary>Reads <c>Authorization: Bearer …</c> (RFC 6750 §2.1).</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer ";

    /// <summary>The token, or null when the request has none or more than one Authorization header.</summary>
    public static string? Read(HttpRequest request)
    {
        var values = request.Headers[HeaderNames.Authorization];
        if (values.Count != 1 || values[0] is not { } value)
        {
            return null;
        }

        if (!value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = value.AsSpan(Scheme.Length).Trim();
        return token.IsEmpty ? null : token.ToString();
    }
}
