using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// The physical floor: a plain Kestrel endpoint that writes bytes it already holds, in 64 KB slices (one huge
/// write is slower and is not the floor), each slice a write plus flush, as the gateway's flushes are. Runs as its
/// own process (<c>floor-serve</c>) so that, like the gateway, it shares neither heap, GC nor thread pool with the
/// clients measuring it; in-process it would be paused by the harness's collections and compete with the 32
/// readers for the same pool, which the gateway never does.
/// </summary>
public static class FloorServer
{
    public const string Name = "floor-serve";

    public const int SliceSize = 64 * 1024;

    /// <summary><c>floor-serve --port P --full FILE --filtered FILE</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        int? port = null;
        string? full = null, filtered = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--port":
                    port = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--full":
                    full = args[i + 1];
                    break;
                case "--filtered":
                    filtered = args[i + 1];
                    break;
                default:
                    break;
            }
        }

        if (port is null || full is null || filtered is null)
        {
            await Console.Error.WriteLineAsync("usage: floor-serve --port P --full FILE --filtered FILE");
            return 2;
        }

        var bodies = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["/full"] = await File.ReadAllBytesAsync(full),
            ["/filtered"] = await File.ReadAllBytesAsync(filtered),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var app = builder.Build();
        app.MapGet("/readyz", () => Results.Text("Healthy"));
        foreach (var (path, body) in bodies)
        {
            app.MapGet(path, (HttpContext context) => ServeAsync(context, body));
        }

        await app.RunAsync();
        return 0;
    }

    private static async Task ServeAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentType = "application/json";
        var writer = context.Response.BodyWriter;
        for (var offset = 0; offset < body.Length; offset += SliceSize)
        {
            var slice = body.AsMemory(offset, Math.Min(SliceSize, body.Length - offset));
            var result = await writer.WriteAsync(slice, context.RequestAborted);
            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }
}
