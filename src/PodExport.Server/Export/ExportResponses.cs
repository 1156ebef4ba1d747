using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Server.Export;

/// <summary>The two error forms of export-api §5, written before any pod line; never compressed (W-27).</summary>
internal static class ExportResponses
{
    public const string JsonContentType = "application/json";

    /// <summary>W-32: the unwrapped status with <c>error</c>, no trailing newline.</summary>
    public static Task WriteParameterErrorAsync(HttpContext context, RpcStatus status, int httpStatus, bool pretty) =>
        WriteAsync(context, httpStatus, PodJsonWriter.RenderParameterError(status, pretty));

    /// <summary>W-28: <c>{"error":{…}}</c> and a newline, with the code's HTTP status.</summary>
    public static Task WriteStreamErrorAsync(HttpContext context, RpcStatus status, bool pretty) =>
        WriteAsync(context, status.HttpStatus, PodJsonWriter.RenderErrorLine(status, pretty));

    private static async Task WriteAsync(HttpContext context, int httpStatus, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = httpStatus;
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;

        // service.md S-15 (every 503) and S-10 (429): the client may retry in a second.
        if (httpStatus is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status429TooManyRequests
            && !response.Headers.ContainsKey("Retry-After"))
        {
            response.Headers.RetryAfter = "1";
        }

        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
