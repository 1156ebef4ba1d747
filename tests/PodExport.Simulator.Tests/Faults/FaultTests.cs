using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;
using PodExport.Simulator.Faults;
using PodExport.Simulator.Hosting;

namespace PodExport.Simulator.Tests.Faults;

public class FaultTests
{
    private static async Task<(List<(WatchEventType Type, V1Pod Pod)> Events, List<Exception> Errors, Exception? Thrown)> WatchAllAsync(
        SimulatorHost host, string? resourceVersion = null, int stopAfter = int.MaxValue)
    {
        var client = TestCluster.Client(host);
        var events = new List<(WatchEventType, V1Pod)>();
        var errors = new List<Exception>();
        try
        {
            await foreach (var e in client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: resourceVersion, onError: errors.Add, cancellationToken: TestCluster.Timeout()))
            {
                events.Add(e);
                if (events.Count >= stopAfter)
                {
                    break;
                }
            }
        }
        catch (Exception e)
        {
            return (events, errors, e);
        }

        return (events, errors, null);
    }

    [Fact]
    public async Task WatchExpired_AfterK_ErrorThroughOnErrorThenEnd()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 5);
        host.Faults.Add(new FaultRule(FaultKind.WatchExpired) { AfterEvents = 3, Verb = FaultVerb.Watch });

        var (events, errors, thrown) = await WatchAllAsync(host);

        Assert.Null(thrown);
        Assert.Equal(3, events.Count);
        var status = Assert.IsType<KubernetesException>(Assert.Single(errors)).Status;
        Assert.Equal((410, "Expired"), (status.Code, status.Reason));
    }

    [Fact]
    public async Task WatchInternalError_ErrorStatus500ThroughOnError()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 2);
        host.Faults.Add(new FaultRule(FaultKind.WatchInternalError) { AfterEvents = 1 });

        var (events, errors, _) = await WatchAllAsync(host);

        Assert.Single(events);
        var status = Assert.IsType<KubernetesException>(Assert.Single(errors)).Status;
        Assert.Equal((500, "InternalError"), (status.Code, status.Reason));
    }

    [Theory]
    [InlineData(410, "Expired")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "Timeout")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    public async Task HttpStatus_OnWatch_HttpOperationExceptionWithStatusBody(int code, string reason)
    {
        await using var host = await TestCluster.StartAsync();
        host.Faults.Add(new FaultRule(FaultKind.HttpStatus) { StatusCode = code, Verb = FaultVerb.Watch, Resource = "Pod" });

        var (_, _, thrown) = await WatchAllAsync(host, resourceVersion: "1");

        var e = Assert.IsType<HttpOperationException>(thrown);
        Assert.Equal(code, (int)e.Response.StatusCode);
        using var doc = JsonDocument.Parse(e.Response.Content);
        Assert.Equal(reason, doc.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task HttpStatus429_OnList_CarriesRetryAfter()
    {
        await using var host = await TestCluster.StartAsync();
        host.Faults.Add(new FaultRule(FaultKind.HttpStatus) { StatusCode = 429, RetryAfterSeconds = 7, Verb = FaultVerb.List, Times = 1 });
        using var http = TestCluster.Http(host);

        using var first = await http.GetAsync("/api/v1/pods?limit=500&watch=false");
        using var second = await http.GetAsync("/api/v1/pods?limit=500&watch=false");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal("7", first.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var record = await host.WaitForRequest(r => r.Fault == "http-status");
        Assert.Equal(429, record.StatusCode);
    }

    [Fact]
    public async Task HttpStatus410_OnList_HttpOperationException()
    {
        await using var host = await TestCluster.StartAsync();
        host.Faults.Add(new FaultRule(FaultKind.HttpStatus) { StatusCode = 410, Verb = FaultVerb.List });
        var client = TestCluster.Client(host);

        var e = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListPodForAllNamespacesAsync(limit: 500));

        Assert.Equal(HttpStatusCode.Gone, e.Response.StatusCode);
    }

    [Fact]
    public async Task CloseWithZeroEvents_ClientThrowsHttpRequestExceptionWithEndOfStream()
    {
        await using var host = await TestCluster.StartAsync();
        host.Faults.Add(new FaultRule(FaultKind.CloseWithZeroEvents));

        var (events, _, thrown) = await WatchAllAsync(host, resourceVersion: host.Store.CurrentRV.ToString());

        // KubernetesClient 21.0.8 peeks the first line and fails on an empty body (spec C.4).
        Assert.Empty(events);
        var e = Assert.IsType<HttpRequestException>(thrown);
        Assert.IsType<EndOfStreamException>(e.InnerException);
    }

    [Fact]
    public async Task AbortAfterEvents_ClientSeesKEventsThenIOException()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 5);
        host.Faults.Add(new FaultRule(FaultKind.AbortAfterEvents) { AfterEvents = 2 });

        var (events, _, thrown) = await WatchAllAsync(host);

        Assert.Equal(2, events.Count);
        Assert.IsAssignableFrom<IOException>(thrown);
    }

    [Fact]
    public async Task AbortMidLine_ClientLosesTheHalfLineAndFails()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 5);
        host.Faults.Add(new FaultRule(FaultKind.AbortMidLine) { AfterEvents = 1 });

        var (events, _, thrown) = await WatchAllAsync(host);

        Assert.Single(events);
        Assert.NotNull(thrown);
    }

    [Fact]
    public async Task AbortBeforeFirstByte_ClientThrowsHttpRequestException()
    {
        await using var host = await TestCluster.StartAsync();
        host.Faults.Add(new FaultRule(FaultKind.AbortBeforeFirstByte) { Verb = FaultVerb.List });
        var client = TestCluster.Client(host);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.CoreV1.ListPodForAllNamespacesAsync());
    }

    [Fact]
    public async Task CloseAfterEvents_CleanEnd()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 4);
        host.Faults.Add(new FaultRule(FaultKind.CloseAfterEvents) { AfterEvents = 2 });

        var (events, errors, thrown) = await WatchAllAsync(host);

        Assert.Equal(2, events.Count);
        Assert.Empty(errors);
        Assert.Null(thrown);
    }

    [Fact]
    public async Task StallAfterEvents_NoMoreBytesUntilCancelled()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 3);
        host.Faults.Add(new FaultRule(FaultKind.StallAfterEvents) { AfterEvents = 1 });
        var client = TestCluster.Client(host);
        using var cts = new CancellationTokenSource();
        var events = new List<WatchEventType>();
        var first = new TaskCompletionSource();

        var watch = Task.Run(async () =>
        {
            await foreach (var (type, _) in client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, cancellationToken: cts.Token))
            {
                events.Add(type);
                first.TrySetResult();
            }
        });
        await first.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await host.WaitForWatcher(w => w.EventsSent == 1);
        host.Store.Create(TestCluster.Pod("ns1", "more"));
        host.SendBookmarkNow();
        Assert.False(watch.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watch.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Single(events);
    }

    [Fact]
    public async Task Delay_FirstEventArrivesAfterVirtualDelay()
    {
        var time = new FakeTimeProvider();
        await using var host = await TestCluster.StartAsync(o => o.TimeProvider = time);
        host.Store.Create(TestCluster.Pod("default", "a"));
        host.Faults.Add(new FaultRule(FaultKind.Delay) { Delay = TimeSpan.FromSeconds(30), Verb = FaultVerb.Watch });

        var watch = TestCluster.Client(host).CoreV1.WatchListPodForAllNamespacesAsync(cancellationToken: TestCluster.Timeout()).GetAsyncEnumerator();
        var moved = watch.MoveNextAsync().AsTask();
        await host.WaitForWatcher("Pod");
        Assert.False(moved.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.True(await moved);
        Assert.Equal("a", watch.Current.Item2.Metadata.Name);
        await watch.DisposeAsync();
    }

    [Theory]
    [InlineData(FaultKind.TrickleEvent)]
    [InlineData(FaultKind.Burst)]
    public async Task TrickleAndBurst_EventsArriveIntact(FaultKind fault)
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 6);
        host.Faults.Add(new FaultRule(fault) { AfterEvents = 2, BurstSize = 4 });

        var (events, errors, thrown) = await WatchAllAsync(host, stopAfter: 6);

        Assert.Null(thrown);
        Assert.Empty(errors);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"p{i:D2}"), events.Select(e => e.Pod.Metadata.Name));
    }

    [Theory]
    [InlineData(FaultKind.MalformedLine, 5)]
    [InlineData(FaultKind.BlankLine, 5)]
    [InlineData(FaultKind.PrettyEvent, 4)]
    public async Task BadLines_OnErrorJsonExceptionAndStreamGoesOn(FaultKind fault, int expectedEvents)
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 5);
        host.Faults.Add(new FaultRule(fault) { AfterEvents = 2 });
        var (events, errors, thrown) = await WatchAllAsync(host, stopAfter: expectedEvents);

        Assert.Null(thrown);
        Assert.Equal(expectedEvents, events.Count);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.IsAssignableFrom<JsonException>(e));
    }

    [Fact]
    public async Task FaultRule_Matching_ByResourceAndTimes()
    {
        await using var host = await TestCluster.StartAsync();
        var rule = host.Faults.Add(new FaultRule(FaultKind.HttpStatus) { StatusCode = 503, Resource = "Deployment", Times = 2 });
        var client = TestCluster.Client(host);

        await client.CoreV1.ListPodForAllNamespacesAsync();
        await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ListDeploymentForAllNamespacesAsync());
        await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ListDeploymentForAllNamespacesAsync());
        await client.AppsV1.ListDeploymentForAllNamespacesAsync();

        Assert.Equal(2, rule.Applied);
        Assert.Empty(host.Faults.Active);
    }

    [Theory]
    [InlineData("http-status:status=429,retry-after=2,verb=watch,times=3", FaultKind.HttpStatus, FaultVerb.Watch)]
    [InlineData("watch-expired:after=5", FaultKind.WatchExpired, FaultVerb.ListOrWatch)]
    [InlineData("abort-before-first-byte:verb=list-or-watch,resource=Pod", FaultKind.AbortBeforeFirstByte, FaultVerb.ListOrWatch)]
    [InlineData("http-status:status=403,verb=review,times=0", FaultKind.HttpStatus, FaultVerb.Review)]
    public void FaultParser_CommandLineSyntax_BuildsRule(string text, FaultKind kind, FaultVerb verb)
    {
        var rule = FaultParser.Parse(text);

        Assert.Equal(kind, rule.Fault);
        Assert.Equal(verb, rule.Verb);
    }

    [Theory]
    [InlineData("no-such-fault")]
    [InlineData("http-status:bogus=1")]
    [InlineData("http-status:status")]
    public void FaultParser_Invalid_Throws(string text) => Assert.Throws<FormatException>(() => FaultParser.Parse(text));

    [Fact]
    public async Task MalformedFirstLine_WatchCallThrowsJsonException()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 1);
        host.Faults.Add(new FaultRule(FaultKind.MalformedLine) { AfterEvents = 0 });

        var (events, _, thrown) = await WatchAllAsync(host);

        Assert.Empty(events);
        Assert.IsAssignableFrom<JsonException>(thrown);
    }

    [Fact]
    public async Task FaultRule_MatchesOnResourceVersionAndPath()
    {
        await using var host = await TestCluster.StartAsync();
        host.Faults.Add(new FaultRule(FaultKind.HttpStatus) { StatusCode = 500, ResourceVersion = "0", PathContains = "/namespaces/ns1/", Times = 0 });
        using var http = TestCluster.Http(host);

        using var other = await http.GetAsync("/api/v1/namespaces/ns2/pods?resourceVersion=0");
        using var noRv = await http.GetAsync("/api/v1/namespaces/ns1/pods");
        using var hit = await http.GetAsync("/api/v1/namespaces/ns1/pods?resourceVersion=0");
        using var again = await http.GetAsync("/api/v1/namespaces/ns1/pods?resourceVersion=0");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError],
            new[] { other.StatusCode, noRv.StatusCode, hit.StatusCode, again.StatusCode });
    }

    [Fact]
    public async Task ReviewDelay_AnswersAfterVirtualDelay()
    {
        var time = new FakeTimeProvider();
        await using var host = await TestCluster.StartAsync(o => o.TimeProvider = time);
        host.Faults.Add(new FaultRule(FaultKind.Delay) { Verb = FaultVerb.Review, Delay = TimeSpan.FromSeconds(5) });
        var client = TestCluster.Client(host);

        var review = client.AuthenticationV1.CreateTokenReviewAsync(new V1TokenReview { Spec = new V1TokenReviewSpec { Token = "x" } });
        await host.WaitForRequest(r => r.Verb == "review");
        Assert.False(review.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.False((await review.WaitAsync(TimeSpan.FromSeconds(10))).Status.Authenticated);
        Assert.Equal(1, host.Auth.TokenReviewCount);
    }
}
