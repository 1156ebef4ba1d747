using System.Net;
using System.Text.Json;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace PodExport.Simulator.Tests.Api;

public class WatchTests
{
    [Fact]
    public async Task Watch_FromRv_ReplaysHistoryThenLiveChanges()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 2);
        var rv = host.Store.CurrentRV;
        host.Store.Create(TestCluster.Pod("ns1", "replayed"));
        var client = TestCluster.Client(host);

        var seen = new List<(WatchEventType, string)>();
        await foreach (var (type, pod) in client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: rv.ToString(), cancellationToken: TestCluster.Timeout()))
        {
            seen.Add((type, pod.Metadata.Name));
            if (seen.Count == 1)
            {
                host.Store.Delete("Pod", "ns1", "p00", graceful: false);
            }
            else
            {
                break;
            }
        }

        Assert.Equal([(WatchEventType.Added, "replayed"), (WatchEventType.Deleted, "p00")], seen);
    }

    [Fact]
    public async Task Watch_RvUnset_SyntheticAddedsForEveryObject()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 3);
        var client = TestCluster.Client(host);

        var seen = new List<string>();
        await foreach (var (type, pod) in client.CoreV1.WatchListNamespacedPodAsync("ns1", cancellationToken: TestCluster.Timeout()))
        {
            Assert.Equal(WatchEventType.Added, type);
            Assert.Equal("Pod", pod.Kind);
            seen.Add(pod.Metadata.Name);
            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.Equal(["p00", "p01", "p02"], seen);
    }

    [Fact]
    public async Task Watch_BelowFloor_ErrorExpiredThroughOnError()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 3);
        var old = host.Store.CurrentRV - 2;
        host.Store.Compact(host.Store.CurrentRV);
        var client = TestCluster.Client(host);
        var errors = new List<Exception>();

        var events = 0;
        await foreach (var _ in client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: old.ToString(), onError: errors.Add, cancellationToken: TestCluster.Timeout()))
        {
            events++;
        }

        Assert.Equal(0, events);
        var status = Assert.IsType<KubernetesException>(Assert.Single(errors)).Status;
        Assert.Equal(410, status.Code);
        Assert.Equal("Expired", status.Reason);
        Assert.Equal($"too old resource version: {old} ({host.Store.Floor})", status.Message);
    }

    [Fact]
    public async Task Watch_AfterBookmarkInterval_SendsBookmarkWithCurrentRv()
    {
        var time = new FakeTimeProvider();
        await using var host = await TestCluster.StartAsync(o => o.TimeProvider = time);
        TestCluster.Seed(host, "ns1", 1);
        var rv = host.Store.CurrentRV;
        var client = TestCluster.Client(host);

        var watch = client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: rv.ToString(), timeoutSeconds: 600, cancellationToken: TestCluster.Timeout())
            .GetAsyncEnumerator();
        var moved = watch.MoveNextAsync();
        await host.WaitForWatcher("Pod", rv, requireBookmarks: true);
        time.Advance(TimeSpan.FromSeconds(61));

        Assert.True(await moved);
        Assert.Equal(WatchEventType.Bookmark, watch.Current.Item1);
        Assert.Equal(rv.ToString(), watch.Current.Item2.Metadata.ResourceVersion);
        await watch.DisposeAsync();
    }

    [Fact]
    public async Task Watch_BookmarksNotRequested_NoneSent()
    {
        var time = new FakeTimeProvider();
        await using var host = await TestCluster.StartAsync(o => o.TimeProvider = time);
        var client = TestCluster.Client(host);
        var rv = host.Store.CurrentRV;

        var watch = client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: rv.ToString(), timeoutSeconds: 600, cancellationToken: TestCluster.Timeout()).GetAsyncEnumerator();
        var moved = watch.MoveNextAsync();
        await host.WaitForWatcher("Pod", rv);
        time.Advance(TimeSpan.FromSeconds(300));
        host.Store.Create(TestCluster.Pod("default", "a"));

        Assert.True(await moved);
        Assert.Equal(WatchEventType.Added, watch.Current.Item1);
        Assert.Equal(0, host.Watchers.Active().Single().BookmarksSent);
        await watch.DisposeAsync();
    }

    [Fact]
    public async Task Watch_TimeoutSeconds_EndsCleanlyAfterDeadlineBookmark()
    {
        var time = new FakeTimeProvider();
        await using var host = await TestCluster.StartAsync(o => o.TimeProvider = time);
        host.Store.Create(TestCluster.Pod("default", "a"));
        var client = TestCluster.Client(host);
        var errors = new List<Exception>();

        var events = new List<WatchEventType>();
        var done = Task.Run(async () =>
        {
            await foreach (var (type, _) in client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, timeoutSeconds: 30, onError: errors.Add, cancellationToken: TestCluster.Timeout()))
            {
                events.Add(type);
            }
        });
        await host.WaitForWatcher(w => w.Kind == "Pod" && w.EventsSent == 1);
        time.Advance(TimeSpan.FromSeconds(28.5));
        await host.WaitForWatcher(w => w.Kind == "Pod" && w.BookmarksSent == 1);
        time.Advance(TimeSpan.FromSeconds(2));
        await done.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([WatchEventType.Added, WatchEventType.Bookmark], events);
        Assert.Empty(errors);
        var record = await host.WaitForRequest(r => r.Verb == "watch" && r.EndedAt is not null);
        Assert.Equal(PodExport.Simulator.Api.RequestEnding.Timeout, record.Ending);
    }

    [Fact]
    public async Task Watch_SendInitialEvents_AddedsThenInitialEventsEndBookmark()
    {
        await using var host = await TestCluster.StartAsync();
        TestCluster.Seed(host, "ns1", 2);
        var snapshot = host.Store.CurrentRV;
        var client = TestCluster.Client(host);

        var seen = new List<(WatchEventType Type, V1Pod Pod)>();
        await foreach (var e in client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersionMatch: "NotOlderThan", sendInitialEvents: true, cancellationToken: TestCluster.Timeout()))
        {
            seen.Add(e);
            if (seen.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([WatchEventType.Added, WatchEventType.Added, WatchEventType.Bookmark], seen.Select(e => e.Type));
        var bookmark = seen[2].Pod;
        Assert.Equal(snapshot.ToString(), bookmark.Metadata.ResourceVersion);
        Assert.Equal("true", bookmark.Metadata.Annotations["k8s.io/initial-events-end"]);
    }

    [Fact]
    public async Task Watch_SendInitialEventsWithWatchListOff_Returns422()
    {
        await using var host = await TestCluster.StartAsync();
        host.Switches.WatchListEnabled = false;
        using var http = TestCluster.Http(host);

        using var response = await http.GetAsync("/api/v1/pods?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Watch_FieldSelector_LeavingIsDeletedEnteringIsAdded()
    {
        await using var host = await TestCluster.StartAsync();
        host.Store.Create(TestCluster.Pod("default", "a", node: "n1"));
        var rv = host.Store.CurrentRV;
        var moved = TestCluster.Pod("default", "a", node: "n2");
        host.Store.Update(moved);
        host.Store.Update(TestCluster.Pod("default", "a", node: "n1"));
        var client = TestCluster.Client(host);

        var seen = new List<WatchEventType>();
        await foreach (var (type, _) in client.CoreV1.WatchListPodForAllNamespacesAsync(fieldSelector: "spec.nodeName=n1", resourceVersion: rv.ToString(), cancellationToken: TestCluster.Timeout()))
        {
            seen.Add(type);
            if (seen.Count == 2)
            {
                break;
            }
        }

        Assert.Equal([WatchEventType.Deleted, WatchEventType.Added], seen);
    }

    [Fact]
    public async Task Watch_FutureRv_ErrorTooLarge()
    {
        await using var host = await TestCluster.StartAsync(o => o.TooLargeWait = TimeSpan.FromMilliseconds(100));
        var client = TestCluster.Client(host);
        var errors = new List<Exception>();

        await foreach (var _ in client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: (host.Store.CurrentRV + 50).ToString(), onError: errors.Add, cancellationToken: TestCluster.Timeout()))
        {
            Assert.Fail("no event expected");
        }

        var status = Assert.IsType<KubernetesException>(Assert.Single(errors)).Status;
        Assert.Equal(504, status.Code);
        Assert.Equal("ResourceVersionTooLarge", status.Details.Causes.Single().Reason);
    }

    [Fact]
    public async Task Watch_HeadersFlushedBeforeAnyEvent_OneCompactLinePerEvent()
    {
        await using var host = await TestCluster.StartAsync();
        using var http = TestCluster.Http(host);

        using var response = await http.GetAsync($"/api/v1/namespaces/default/pods?watch=true&resourceVersion={host.Store.CurrentRV}", HttpCompletionOption.ResponseHeadersRead, TestCluster.Timeout());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        host.Store.Create(TestCluster.Pod("default", "a"));
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var line = await reader.ReadLineAsync(TestCluster.Timeout());

        using var doc = JsonDocument.Parse(line!);
        Assert.Equal("ADDED", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal("Pod", doc.RootElement.GetProperty("object").GetProperty("kind").GetString());
        Assert.Equal("v1", doc.RootElement.GetProperty("object").GetProperty("apiVersion").GetString());
    }

    [Fact]
    public async Task CloseWatchers_EndsStreamCleanly_AndUnregisters()
    {
        await using var host = await TestCluster.StartAsync();
        host.Store.Create(TestCluster.Pod("default", "a"));
        var client = TestCluster.Client(host);
        var errors = new List<Exception>();

        var count = 0;
        await foreach (var _ in client.CoreV1.WatchListPodForAllNamespacesAsync(onError: errors.Add, cancellationToken: TestCluster.Timeout()))
        {
            count++;
            await host.WaitForWatcher("Pod");
            Assert.Equal(1, host.CloseWatchers(w => w.Kind == "Pod"));
        }

        Assert.Equal(1, count);
        Assert.Empty(errors);
        await host.WaitForRequest(r => r.Verb == "watch" && r.EndedAt is not null);
        Assert.Equal(0, host.ActiveWatchCount);
    }

    [Fact]
    public async Task Watch_ClientCancels_UnregistersAtOnce()
    {
        await using var host = await TestCluster.StartAsync();
        var client = TestCluster.Client(host);
        using var cts = new CancellationTokenSource();

        var watches = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
        {
            await foreach (var _ in client.CoreV1.WatchListPodForAllNamespacesAsync(resourceVersion: "1", cancellationToken: cts.Token))
            {
            }
        })).ToList();
        await host.WaitForWatcher(_ => host.ActiveWatchCount == 5);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => Task.WhenAll(watches));

        await host.WaitForRequest(_ => host.ActiveWatchCount == 0 && host.Requests.Snapshot().Count(r => r.Ending == PodExport.Simulator.Api.RequestEnding.ClientAbort) == 5);
    }

    [Fact]
    public async Task SendBookmarkNow_AtGivenRv_ClientSeesIt()
    {
        await using var host = await TestCluster.StartAsync();
        var client = TestCluster.Client(host);
        var watch = client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, resourceVersion: host.Store.CurrentRV.ToString(), cancellationToken: TestCluster.Timeout()).GetAsyncEnumerator();
        var moved = watch.MoveNextAsync();
        await host.WaitForWatcher("Pod", requireBookmarks: true);

        Assert.Equal(1, host.SendBookmarkNow(resourceVersion: 12345));

        Assert.True(await moved);
        Assert.Equal(WatchEventType.Bookmark, watch.Current.Item1);
        Assert.Equal("12345", watch.Current.Item2.Metadata.ResourceVersion);
        await watch.DisposeAsync();
    }
}
