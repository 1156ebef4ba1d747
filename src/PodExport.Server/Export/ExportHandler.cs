using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using PodExport.Model.Records;
using PodExport.Model.Wire;
using PodExport.Query;
using PodExport.Server.Options;
using PodExport.Server.Telemetry;

namespace PodExport.Server.Export;

/// <summary>
/// <c>GET /v1/export/pods</c>: the checks of export-api W-11 in order, then one point-in-time view streamed as
/// NDJSON with the deadline, drain and disconnect handling of §5 and §6.
/// </summary>
public sealed class ExportHandler(
    IPodSnapshotSource source,
    IClusterHealth clusterHealth,
    IExportAccess access,
    ExportQueryCompiler queryCompiler,
    ExportConcurrencyLimiter limiter,
    ExportDrain drain,
    ExportMetrics metrics,
    IOptionsMonitor<ExportOptions> options,
    TimeProvider timeProvider,
    ILogger<ExportHandler> logger)
{
    public const string Path = "/v1/export/pods";
    public const string ViewTimeHeader = "PodExport-View-Time";
    public const string DegradedHeader = "PodExport-Degraded";

    // How long the final error line may take once the export is over; a client that does not take it in this time
    // has stopped reading, and the response is aborted (W-30).
    private static readonly TimeSpan ErrorLineTimeout = TimeSpan.FromSeconds(5);

    private static readonly RpcStatus Ok = new(RpcCode.Ok, "");

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store, no-cache";
        headers.Vary = "Accept-Encoding";
        var raw = RawQueryString.Parse(request.QueryString.Value);
        var pretty = ExportParameterParser.IsPretty(raw, request.Headers.Accept);

        // W-1: routing matches case-insensitively and with a trailing slash; the contract does not.
        if (!string.Equals(request.Path.Value, Path, StringComparison.Ordinal))
        {
            await ExportResponses.WriteParameterErrorAsync(context, ExportErrors.NotFound, StatusCodes.Status404NotFound, pretty);
            return;
        }

        var started = timeProvider.GetTimestamp();
        var summary = new ExportSummary();
        using var activity = ExportTracing.StartExport();
        try
        {
            await RunAsync(context, raw, pretty, summary);
        }
        finally
        {
            var seconds = timeProvider.GetElapsedTime(started).TotalSeconds;
            var outcome = ExportOutcomeExtensions.FromCode(summary.Status.Code, summary.FromQuery);
            var code = summary.Status.Code;
            metrics.RecordExport(outcome, code, seconds, summary.Pods, summary.Bytes);
            var outcomeTag = outcome.ToTag();
            ExportTracing.Finish(activity, summary.Query, summary.Namespaces, summary.Pods, summary.Bytes, outcomeTag, summary.Status);
            Log.ExportFinished(logger, summary.Caller, summary.Query, summary.Namespaces, summary.Pods, summary.Bytes, seconds, (int)code, outcomeTag);
        }
    }

    private async Task RunAsync(HttpContext context, RawQueryString raw, bool pretty, ExportSummary summary)
    {
        // Step 1, W-3.
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET";
            summary.Status = ExportErrors.MethodNotAllowed;
            await ExportResponses.WriteParameterErrorAsync(context, ExportErrors.MethodNotAllowed, StatusCodes.Status405MethodNotAllowed, pretty);
            return;
        }

        // Step 2, W-40.
        var authentication = await access.AuthenticateAsync(context, context.RequestAborted);
        if (authentication.Error is not null || authentication.Caller is null)
        {
            summary.Status = authentication.Error ?? ExportErrors.Internal;
            await ExportResponses.WriteStreamErrorAsync(context, summary.Status, pretty);
            return;
        }

        var caller = authentication.Caller;
        summary.Caller = caller.Name;

        // Step 3, W-4 to W-10, S-12.
        var settings = options.CurrentValue;
        if (!ExportParameterParser.TryParse(raw, pretty, settings.MaxQueryBytes, out var parameters, out var parameterError))
        {
            summary.Status = ExportErrors.InvalidParameter(parameterError);
            await ExportResponses.WriteParameterErrorAsync(context, summary.Status, summary.Status.HttpStatus, pretty);
            return;
        }

        summary.Query = parameters.Query;

        // W-34: the deadline runs from here and covers everything that follows.
        using var deadline = ExportDeadline.Start(parameters.TimeoutSeconds, settings.MaxExportDurationSeconds, timeProvider);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, deadline.Token, drain.Token);
        using var writer = new ExportStreamWriter(context, pretty);
        try
        {
            summary.Status = await CheckAndStreamAsync(context, caller, parameters, settings, writer, summary, stop.Token);
            if (summary.Status.Code != RpcCode.Ok && summary.Status.Code != RpcCode.Canceled)
            {
                await EndWithErrorAsync(context, writer, summary.Status);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            summary.Status = context.RequestAborted.IsCancellationRequested ? ExportErrors.Canceled
                : drain.Token.IsCancellationRequested ? ExportErrors.ShuttingDown
                : deadline.Status ?? ExportErrors.Internal;
            if (summary.Status.Code != RpcCode.Canceled)
            {
                await EndWithErrorAsync(context, writer, summary.Status);
            }
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.ExportFailed(logger, ex, writer.PodsWritten);
            summary.Status = ExportErrors.Internal;
            await EndWithErrorAsync(context, writer, summary.Status);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // W-31: the client went away while a write was under way.
            summary.Status = ExportErrors.Canceled;
        }
        finally
        {
            summary.Pods = writer.PodsWritten;
            summary.Bytes = writer.BytesWritten;
        }
    }

    // Steps 4 to 7 of W-11; returns Ok, Canceled (client gone) or the error still to be written.
    private async Task<RpcStatus> CheckAndStreamAsync(
        HttpContext context,
        ExportCaller caller,
        ExportParameters parameters,
        ExportOptions settings,
        ExportStreamWriter writer,
        ExportSummary summary,
        CancellationToken cancellationToken)
    {
        using var lease = limiter.TryAcquire(caller, settings, out var rejection);
        if (lease is null)
        {
            return rejection ?? ExportErrors.TooManyExports;
        }

        var authorization = await access.AuthorizeAsync(context, caller, cancellationToken);
        if (authorization.Error is not null || authorization.Scope is null)
        {
            return authorization.Error ?? ExportErrors.Internal;
        }

        if (!queryCompiler.TryCompile(parameters.Query, out var query, out var queryError))
        {
            summary.FromQuery = true;
            if (queryError.Code == RpcCode.InvalidArgument)
            {
                metrics.RecordQueryParseError();
            }

            return queryError;
        }

        // Step 6, W-12.
        if (drain.IsStopping)
        {
            return ExportErrors.ShuttingDown;
        }

        if (!source.IsSynced)
        {
            return ExportErrors.NotSynchronized;
        }

        // Step 7, W-37.
        var snapshot = source.TakeSnapshot();
        var headers = context.Response.Headers;
        headers[ViewTimeHeader] = snapshot.ViewTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        var degraded = clusterHealth.DegradedKinds;
        if (degraded.Count > 0)
        {
            headers[DegradedHeader] = string.Join(",", degraded);
        }

        return await StreamAsync(context, snapshot, authorization.Scope, query.Bind(snapshot.ViewTime), parameters.Pretty, writer, summary, cancellationToken)
            ? Ok
            : ExportErrors.Canceled;
    }

    private async Task<bool> StreamAsync(
        HttpContext context,
        PodSnapshot snapshot,
        NamespaceScope scope,
        PodFilter filter,
        bool pretty,
        ExportStreamWriter writer,
        ExportSummary summary,
        CancellationToken cancellationToken)
    {
        var scan = new ExportScan(snapshot.Pods, scope, filter);
        try
        {
            while (WriteUntilFlushDue(scan, writer, pretty, cancellationToken))
            {
                if (!await writer.FlushAsync(cancellationToken))
                {
                    return false;
                }
            }
        }
        finally
        {
            summary.Namespaces = scan.VisibleNamespaces;
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            return await writer.CompleteAsync(cancellationToken);
        }

        // W-35: once the last pod line is written the export completes normally, even when the deadline or drain
        // came while the rest of the view was read; the final flush gets the short budget of an error line.
        using var budget = new CancellationTokenSource(ErrorLineTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, context.RequestAborted);
        return await writer.CompleteAsync(linked.Token);
    }

    /// <summary>
    /// Writes pod lines until the writer has a flush due (true) or the view is done (false). Synchronous, so the
    /// per-pod loop keeps its state in registers rather than in the async state machine (hence no inlining).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool WriteUntilFlushDue(ExportScan scan, ExportStreamWriter writer, bool pretty, CancellationToken cancellationToken)
    {
        while (scan.TryNext(cancellationToken, out var record))
        {
            // W-35: expiry is checked before each pod line, including after a read that took the time.
            cancellationToken.ThrowIfCancellationRequested();
            if (writer.WritePod(pretty ? record.RenderPrettyLine() : record.Line))
            {
                return true;
            }
        }

        return false;
    }

    private async Task EndWithErrorAsync(HttpContext context, ExportStreamWriter writer, RpcStatus status)
    {
        // W-35: a write still blocked when the export ended is abandoned with the response.
        if (writer.FlushInterrupted || (context.Response.HasStarted && writer.PodsWritten == 0))
        {
            Abort(context, status);
            return;
        }

        using var timeout = new CancellationTokenSource(ErrorLineTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted);
        try
        {
            if (await writer.WriteErrorAsync(status, linked.Token))
            {
                return;
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
        }

        Abort(context, status);
    }

    private void Abort(HttpContext context, RpcStatus status)
    {
        Log.ExportAborted(logger, (int)status.Code, status.Message);
        context.Abort();
    }
}
