using PodExport.Server.Tests.EndToEnd.Testing;

namespace PodExport.Server.Tests.EndToEnd;

/// <summary>
/// An API-server outage (service.md S-13): the simulator's listener stops, the informers stay disconnected past
/// <c>Informer:DegradedAfterSeconds</c>, and the gateway keeps serving what it has while saying it is degraded; when
/// the listener is back the informers reconnect and the flag clears. Real time, with the shortest threshold (1 s)
/// and a fast backoff, so the whole test takes a few seconds.
/// </summary>
public sealed class DegradedTests
{
    [Fact]
    public async Task Outage_PastThreshold_DegradedButServingThenRecovers()
    {
        await using var app = GatewayApp.Simulating(pods: 40, churn: 0, ("Informer:DegradedAfterSeconds", "1"));
        using var client = await app.StartReadyAsync();
        var simulator = await app.SimulatorAsync();
        var before = await client.ExportOkAsync();
        Assert.Null(before.Degraded);

        await simulator.StopListenerAsync();

        var readyz = await Eventually.ValueAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            return body.StartsWith("Degraded", StringComparison.Ordinal) && DisconnectedKinds(body).Contains("Pod")
                ? new Readyz((int)response.StatusCode, body)
                : null;
        }, "/readyz did not report Degraded with kind Pod disconnected");
        Assert.Equal(200, readyz.Status);

        var during = await client.ExportOkAsync();
        Assert.NotNull(during.Degraded);
        Assert.Contains("Pod", during.Degraded.Split(','));
        Assert.Equal(before.Body, during.Body);

        await simulator.RestartAsync();

        // A reflector counts as connected again on the first line of its new watch. On a quiet cluster that line is
        // the API server's periodic bookmark (about once a minute); the test sends it now instead of waiting.
        await Eventually.HoldsAsync(async () =>
        {
            simulator.SendBookmarkNow();
            return (await client.ExportOkAsync()).Degraded is null;
        }, "the degraded header stayed after the restart");
        using var recovered = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.Equal(200, (int)recovered.StatusCode);
        Assert.StartsWith("Healthy", await recovered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The cluster check's line: "cluster: Degraded - informers disconnected: Deployment, Pod".
    private static string[] DisconnectedKinds(string readyzBody)
    {
        const string Marker = "informers disconnected: ";
        var line = readyzBody.Split('\n').FirstOrDefault(l => l.Contains(Marker, StringComparison.Ordinal));
        return line is null ? [] : line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..].Split(", ");
    }

    private sealed record Readyz(int Status, string Body);
}
