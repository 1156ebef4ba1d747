using Microsoft.Net.Http.Headers;
using PodExport.Model.Wire;
using PodExport.Server.Export;

namespace PodExport.Server.Auth;

/// <summary>The 401 of service.md S-8: the status plus <c>WWW-Authenticate: Bearer</c> (export-api W-40).</summary>
internal static class Challenge
{
    public static AuthenticationResult Fail(HttpContext context, RpcStatus status)
    {
        if (status.Code == RpcCode.Unauthenticated)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        }

        return AuthenticationResult.Failure(status);
    }
}
