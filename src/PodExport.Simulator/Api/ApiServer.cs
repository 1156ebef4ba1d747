using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using PodExport.Simulator.Auth;
using PodExport.Simulator.Faults;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// The fake kube-apiserver's request handling: one terminal middleware that parses the Kubernetes path layout,
/// applies faults and dispatches to discovery, list/watch, object and review handlers.
/// </summary>
internal sealed partial class ApiServer(
    ClusterStore store,
    FaultInjector faults,
    AuthRegistry auth,
    ServerSwitches switches,
    WatcherRegistry watchers,
    RequestLog requests,
    TimeProvider timeProvider,
    Random random,
    ILogger logger)
{
    private long _nextWatchId;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var record = requests.Start(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "",
            timeProvider.GetUtcNow(), request.Headers.UserAgent);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (switches.RequiredBearerToken is { } required &&
                request.Headers.Authorization.ToString() != "Bearer " + required)
            {
                throw new ApiStatus(401, "Unauthorized", "Unauthorized");
            }

            await RouteAsync(context, record);
        }
        catch (ApiStatus status)
        {
            if (!context.Response.HasStarted)
            {
                await WriteStatusAsync(context, status);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            if (record.Ending == RequestEnding.Running)
            {
                record.Ending = RequestEnding.ClientAbort;
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            record.Ending = RequestEnding.ClientAbort;
        }
        finally
        {
            record.StatusCode = context.Response.StatusCode;
            if (record.Ending == RequestEnding.Running)
            {
                record.Ending = context.RequestAborted.IsCancellationRequested ? RequestEnding.ClientAbort : RequestEnding.Completed;
            }

            record.EndedAt = timeProvider.GetUtcNow();
            requests.Pulse();
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.RequestEnded(logger, record.Method, record.Path, record.Query, record.StatusCode, record.Ending,
                record.Fault ?? "-", elapsedMs);
        }
    }

    internal static async Task WriteStatusAsync(HttpContext context, ApiStatus status)
    {
        context.Response.StatusCode = status.Code;
        context.Response.ContentType = "application/json";
        if (status.RetryAfterSeconds is { } retry)
        {
            context.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.Body.WriteAsync(status.ToJson(), context.RequestAborted);
    }

    internal static Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    internal static async Task WriteObjectAsync(HttpContext context, int statusCode, StoredObject obj)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(WatchLines.WithKind(obj), context.RequestAborted);
    }

    private async Task RouteAsync(HttpContext context, RequestRecord record)
    {
        var path = (context.Request.Path.Value ?? "/").TrimEnd('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = context.Request.Method;

        if (segments.Length == 0 || segments[0] is "version" or "openapi" or "healthz" or "readyz" or "livez")
        {
            record.Verb = "discovery";
            await ApplySimpleFaultAsync(context, record, FaultVerb.Any, null);
            await ServeRootAsync(context, segments, method);
            return;
        }

        if (segments[0] == "_sim")
        {
            record.Verb = "helper";
            await HelpersAsync(context, segments, method);
            return;
        }

        string group;
        string version;
        string[] rest;
        if (segments[0] == "api" && segments.Length >= 2)
        {
            (group, version, rest) = ("", segments[1], segments[2..]);
        }
        else if (segments[0] == "apis" && segments.Length >= 3)
        {
            (group, version, rest) = (segments[1], segments[2], segments[3..]);
        }
        else
        {
            record.Verb = "discovery";
            RequireGet(method);
            JsonNode? body = segments switch
            {
                ["api"] => Discovery.ApiVersions(context.Request.Host.Value ?? "127.0.0.1"),
                ["apis"] => Discovery.GroupList(),
                ["apis", var g] => Discovery.Group(g),
                _ => null,
            };
            await WriteJsonAsync(context, 200, body ?? throw ApiStatus.PathNotFound());
            return;
        }

        if (rest.Length == 0)
        {
            record.Verb = "discovery";
            RequireGet(method);
            await WriteJsonAsync(context, 200, Discovery.ResourceList(group, version) ?? throw ApiStatus.PathNotFound());
            return;
        }

        if (Discovery.ReviewResources.Any(r => r.Group == group && r.Plural == rest[0]) && version == "v1" && rest.Length == 1)
        {
            record.Verb = "review";
            if (method != HttpMethods.Post)
            {
                throw ApiStatus.MethodNotAllowed(method);
            }

            await ApplySimpleFaultAsync(context, record, FaultVerb.Review, null);
            await (rest[0] == "tokenreviews" ? TokenReviewAsync(context) : SubjectAccessReviewAsync(context));
            return;
        }

        var target = ResourceTarget.Parse(group, version, rest) ?? throw ApiStatus.PathNotFound();
        record.Kind = target.Kind.Kind;
        if (target.Name is null)
        {
            await CollectionAsync(context, record, target, method);
        }
        else
        {
            await ItemAsync(context, record, target, method);
        }
    }

    private static async Task ServeRootAsync(HttpContext context, string[] segments, string method)
    {
        RequireGet(method);
        switch (segments)
        {
            case []:
                await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["paths"] = new JsonArray(["/api", "/api/v1", "/apis", .. Discovery.Groups.Select(g => $"/apis/{g}/v1"), "/openapi/v3", "/version"]),
                });
                break;
            case ["version"]:
                await WriteJsonAsync(context, 200, Discovery.Version());
                break;
            case ["healthz" or "readyz" or "livez"]:
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok", context.RequestAborted);
                break;
            case ["openapi", "v3"]:
                await WriteJsonAsync(context, 200, OpenApiDocuments.Root());
                break;
            case ["openapi", "v3", .. var gv]:
                await WriteJsonAsync(context, 200, OpenApiDocuments.ForGroupVersion(string.Join('/', gv)) ?? throw ApiStatus.PathNotFound());
                break;
            default:
                throw ApiStatus.PathNotFound();
        }
    }

    private async Task CollectionAsync(HttpContext context, RequestRecord record, ResourceTarget target, string method)
    {
        if (method == HttpMethods.Get)
        {
            var query = ListQuery.Parse(context.Request.Query);
            record.Verb = query.Watch ? "watch" : "list";
            var filter = ObjectFilter.Create(target.Kind, target.Namespace, query.LabelSelector, query.FieldSelector);
            var fault = faults.Take(query.Watch ? FaultVerb.Watch : FaultVerb.List, target.Kind.Kind, record.Path, context.Request.Query["resourceVersion"]);
            if (fault is not null)
            {
                record.Fault = FaultParser.KebabCase(fault.Fault.ToString());
                if (await ApplyPreResponseFaultAsync(context, record, fault, isWatch: query.Watch))
                {
                    return;
                }
            }

            if (query.Watch)
            {
                await WatchAsync(context, record, target, query, filter, fault);
            }
            else
            {
                await ListAsync(context, record, target, query, filter);
            }

            return;
        }

        if (method == HttpMethods.Post)
        {
            record.Verb = "create";
            await ApplySimpleFaultAsync(context, record, FaultVerb.Any, target.Kind.Kind);
            await CreateAsync(context, target);
            return;
        }

        throw ApiStatus.MethodNotAllowed(method);
    }

    /// <summary>Faults that act before the handler runs. Returns true when the request is finished.</summary>
    private async Task<bool> ApplyPreResponseFaultAsync(HttpContext context, RequestRecord record, FaultRule fault, bool isWatch)
    {
        switch (fault.Fault)
        {
            case FaultKind.HttpStatus:
                record.Ending = RequestEnding.Fault;
                throw ApiStatus.ForCode(fault.StatusCode, fault.RetryAfterSeconds);
            case FaultKind.AbortBeforeFirstByte:
                record.Ending = RequestEnding.Fault;
                context.Abort();
                return true;
            case FaultKind.Delay when !isWatch:
                await DelayFromStartAsync(record, fault.Delay, timeProvider, context.RequestAborted);
                return false;
            default:
                return false;
        }
    }

    private async Task ApplySimpleFaultAsync(HttpContext context, RequestRecord record, FaultVerb verb, string? kind)
    {
        var fault = faults.Take(verb, kind, record.Path, null);
        if (fault is not null)
        {
            record.Fault = FaultParser.KebabCase(fault.Fault.ToString());
            if (await ApplyPreResponseFaultAsync(context, record, fault, isWatch: false))
            {
                throw new OperationCanceledException("aborted by fault");
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="delay"/> after the request started (virtual time), so that a test advancing a fake
    /// clock right after seeing the request cannot race the timer's registration.
    /// </summary>
    internal static async Task DelayFromStartAsync(RequestRecord record, TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var remaining = record.StartedAt + delay - timeProvider.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, timeProvider, cancellationToken);
        }
    }

    private static void RequireGet(string method)
    {
        if (method != HttpMethods.Get && method != HttpMethods.Head)
        {
            throw ApiStatus.MethodNotAllowed(method);
        }
    }

    private TimeSpan DefaultWatchTimeout()
    {
        if (switches.DefaultWatchTimeout is { } configured)
        {
            return configured;
        }

        lock (random)
        {
            return TimeSpan.FromSeconds(1800 + random.Next(1801));
        }
    }
}
