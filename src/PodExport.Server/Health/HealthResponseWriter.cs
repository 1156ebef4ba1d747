using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PodExport.Server.Health;

/// <summary>
/// A short plain-text body: the overall status on the first line, then one line per check with its description,
/// so <c>Degraded</c> names the disconnected kinds. Adds <c>Retry-After</c> to a 503 (service.md S-15).
/// </summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        var body = new StringBuilder();
        body.Append(report.Status.ToString()).Append('\n');
        foreach (var (name, entry) in report.Entries)
        {
            body.Append(name).Append(": ").Append(entry.Status.ToString());
            if (!string.IsNullOrEmpty(entry.Description))
            {
                body.Append(" - ").Append(entry.Description);
            }

            body.Append('\n');
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(body.ToString(), context.RequestAborted);
    }
}
