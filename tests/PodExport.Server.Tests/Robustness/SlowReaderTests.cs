using System.Net.Sockets;
using PodExport.Server.Tests.Testing;

namespace PodExport.Server.Tests.Robustness;

/// <summary>
/// Many slow readers of a large export on real Kestrel (service.md S-11, OPERATIONS.md §5): each is cut off by the
/// data-rate rule, a normal client is served meanwhile, and the gateway holds no per-reader copy of the export.
/// </summary>
public sealed class SlowReaderTests
{
    private const int SlowReaders = 50;
    private const int PodCount = 50_000;

    [Fact]
    public async Task Export_FiftySlowReaders_AreCutOffWhileANormalClientIsServedAndMemoryStaysBounded()
    {
        var pods = TestPods.Many(PodCount, namespaces: 20);
        var exportBytes = pods.Sum(p => (long)p.Line.Length);
        var (app, address) = KestrelExportApp.Start(pods, new()
        {
            ["Auth:Mode"] = "None",
            ["Export:MaxConcurrentExports"] = "100",
            // High, so that the megabytes the socket buffers took at once do not carry a reader past the grace period.
            ["Export:MinResponseDataRateBytesPerSecond"] = "10000000",
        });
        await using var _ = app;
        var requests = app.CollectRequests();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var readers = new List<Socket>();
        try
        {
            for (var i = 0; i < SlowReaders; i++)
            {
                readers.Add(await RawHttp.ConnectAsync(address, "/v1/export/pods", [], deadline.Token, receiveBufferSize: 4096));
            }

            // The slow readers take a few bytes now and then: far below the rate, but not stopped.
            using var pacing = new CancellationTokenSource();
            var trickles = readers.Select(s => TrickleAsync(s, pacing.Token)).ToList();

            using (var client = new HttpClient { BaseAddress = address, Timeout = HttpTestExtensions.Timeout })
            {
                // One namespace's pods: a normal reader, kept small so that a loaded machine cannot make it slow too.
                var body = await client.GetByteArrayAsync(new Uri("/v1/export/pods?query=Namespace:%22ns-1%22", UriKind.Relative), deadline.Token);
                Assert.Equal(pods.Where(p => p.Namespace == "ns-1").Sum(p => (long)p.Line.Length), body.Length);
            }

            var during = GC.GetTotalMemory(forceFullCollection: true);

            // 50 cut-off exports plus the normal one; the rule fires after the 5 s grace period.
            await requests.WaitForMeasurementsAsync(SlowReaders + 1, HttpTestExtensions.Timeout);
            await pacing.CancelAsync();
            var trickled = await Task.WhenAll(trickles);

            var outcomes = requests.GetMeasurementSnapshot().Select(m => (string?)m.Tags["outcome"]).ToList();
            Assert.Equal(SlowReaders, outcomes.Count(o => o == "canceled"));
            Assert.Equal(1, outcomes.Count(o => o == "ok"));

            // Each slow connection was closed by the server well before its export was through.
            foreach (var (socket, bytes) in readers.Zip(trickled))
            {
                var total = bytes + await DrainAsync(socket, deadline.Token);
                Assert.True(total < exportBytes, $"a slow reader received {total} of {exportBytes} bytes");
            }

            // A copy of the export per reader would be 50 × ~35 MB; what is held is a bounded buffer per connection.
            var growth = during - before;
            Assert.True(growth < 256L * 1024 * 1024, $"managed memory grew by {growth / (1024 * 1024)} MB with {SlowReaders} slow readers");
        }
        finally
        {
            readers.ForEach(s => s.Dispose());
        }
    }

    // Reads 64 bytes about every 200 ms (pacing is the point here, not a wait for a condition).
    private static async Task<long> TrickleAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[64];
        long total = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, stop);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException)
        {
        }

        return total;
    }

    // Reads what is left as fast as possible; a connection the server closed ends (EOF or reset) promptly.
    private static async Task<long> DrainAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken)) > 0)
            {
                total += read;
            }
        }
        catch (SocketException)
        {
        }

        return total;
    }
}
