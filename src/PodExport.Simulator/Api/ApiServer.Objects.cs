using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>Single objects: get, create, replace, merge-patch and (graceful) delete.</summary>
internal sealed partial class ApiServer
{
    private async Task ItemAsync(HttpContext context, RequestRecord record, ResourceTarget target, string method)
    {
        if (target.Subresource is not null and not "status")
        {
            throw ApiStatus.PathNotFound();
        }

        var verb = method switch
        {
            "GET" => "get",
            "DELETE" => "delete",
            "PATCH" => "patch",
            "PUT" => "update",
            _ => throw ApiStatus.MethodNotAllowed(method),
        };
        record.Verb = verb;
        await ApplySimpleFaultAsync(context, record, Faults.FaultVerb.Any, target.Kind.Kind);
        switch (verb)
        {
            case "get":
                await WriteObjectAsync(context, 200, Existing(target));
                break;
            case "delete":
                await DeleteAsync(context, target);
                break;
            case "patch":
                await PatchAsync(context, target);
                break;
            default:
                await ReplaceAsync(context, target);
                break;
        }
    }

    private StoredObject Existing(ResourceTarget target) =>
        store.GetStored(target.Kind, target.Key) ?? throw ApiStatus.NotFound(target.Kind.Plural, target.Name ?? "");

    private async Task CreateAsync(HttpContext context, ResourceTarget target)
    {
        var node = await ReadBodyAsync(context);
        var obj = Parse(target.Kind, node);
        var meta = obj.Metadata ??= new V1ObjectMeta();
        if (target.Kind.Namespaced)
        {
            var ns = target.Namespace ?? throw ApiStatus.MethodNotAllowed("POST");
            if (!string.IsNullOrEmpty(meta.NamespaceProperty) && meta.NamespaceProperty != ns)
            {
                throw ApiStatus.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            meta.NamespaceProperty = ns;
            if (store.GetStored(ResourceKind.Namespace, new ObjectKey("", ns)) is null)
            {
                throw ApiStatus.NotFound("namespaces", ns);
            }
        }

        if (string.IsNullOrEmpty(meta.Name) && string.IsNullOrEmpty(meta.GenerateName))
        {
            throw new ApiStatus(422, "Invalid", $"{target.Kind.Kind} \"\" is invalid: metadata.name: Required value: name or generateName is required",
                target.Kind.Kind, "", [("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")], target.Kind.Group);
        }

        meta.Uid = null;
        meta.ResourceVersion = null;
        meta.CreationTimestamp = null;
        switch (obj)
        {
            case V1Pod pod:
                pod.Status ??= new V1PodStatus { Phase = "Pending", QosClass = "BestEffort" };
                break;
            case V1Namespace ns:
                ns.Status ??= new V1NamespaceStatus { Phase = "Active" };
                break;
        }

        if (IsDryRun(context))
        {
            await WriteJsonAsync(context, 201, JsonNode.Parse(k8s.KubernetesJson.Serialize(obj))!);
            return;
        }

        if (store.Create(obj, failIfExists: true) < 0)
        {
            throw new ApiStatus(409, "AlreadyExists", $"{target.Kind.Plural} \"{meta.Name}\" already exists", target.Kind.Plural, meta.Name);
        }

        await WriteObjectAsync(context, 201, store.GetStored(target.Kind, new ObjectKey(meta.NamespaceProperty ?? "", meta.Name))!);
    }

    private async Task ReplaceAsync(HttpContext context, ResourceTarget target)
    {
        var current = Existing(target);
        var obj = Parse(target.Kind, await ReadBodyAsync(context));
        await UpdateAsync(context, target, current, obj);
    }

    private async Task PatchAsync(HttpContext context, ResourceTarget target)
    {
        var contentType = context.Request.ContentType ?? "";
        if (!contentType.StartsWith("application/merge-patch+json", StringComparison.Ordinal) &&
            !contentType.StartsWith("application/strategic-merge-patch+json", StringComparison.Ordinal))
        {
            throw new ApiStatus(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/strategic-merge-patch+json (got {contentType})");
        }

        var current = Existing(target);
        var patch = await ReadBodyAsync(context);
        var document = JsonNode.Parse(WatchLines.WithKind(current))!;

        // Strategic merge patch is treated as a JSON merge patch: the same for the map fields kubectl patches
        // (labels, annotations, scalar spec fields); list merge keys are not modelled.
        var merged = MergePatch.Apply(document, patch);
        var obj = Parse(target.Kind, merged);
        await UpdateAsync(context, target, current, obj);
    }

    private async Task UpdateAsync(HttpContext context, ResourceTarget target, StoredObject current, k8s.IKubernetesObject<V1ObjectMeta> obj)
    {
        var meta = obj.Metadata ??= new V1ObjectMeta();
        if (!string.IsNullOrEmpty(meta.Name) && meta.Name != target.Name)
        {
            throw ApiStatus.BadRequest("the name of the object does not match the name on the URL");
        }

        meta.Name = target.Name;
        meta.NamespaceProperty = target.Kind.Namespaced ? target.Namespace : null;
        if (!string.IsNullOrEmpty(meta.ResourceVersion) &&
            meta.ResourceVersion != current.ResourceVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new ApiStatus(409, "Conflict",
                $"Operation cannot be fulfilled on {target.Kind.Plural} \"{target.Name}\": the object has been modified; please apply your changes to the latest version and try again",
                target.Kind.Plural, target.Name);
        }

        meta.Uid = current.Uid;
        if (IsDryRun(context))
        {
            await WriteObjectAsync(context, 200, current);
            return;
        }

        store.Update(obj);
        await WriteObjectAsync(context, 200, Existing(target));
    }

    private async Task DeleteAsync(HttpContext context, ResourceTarget target)
    {
        Existing(target);
        long? grace = null;
        if (long.TryParse(context.Request.Query["gracePeriodSeconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var queryGrace))
        {
            grace = queryGrace;
        }

        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await ReadBodyAsync(context)
            : null;
        if (body?["gracePeriodSeconds"] is JsonValue value && value.TryGetValue<long>(out var bodyGrace))
        {
            grace = bodyGrace;
        }

        if (IsDryRun(context))
        {
            await WriteObjectAsync(context, 200, Existing(target));
            return;
        }

        // Pods terminate gracefully (MODIFIED with deletionTimestamp, then DELETED); other kinds go at once.
        var graceful = target.Kind == ResourceKind.Pod && grace is not 0;
        var last = store.Delete(target.Kind, target.Key, graceful, grace)
            ?? throw ApiStatus.NotFound(target.Kind.Plural, target.Name ?? "");
        await WriteObjectAsync(context, 200, last);
    }

    private static bool IsDryRun(HttpContext context) => context.Request.Query["dryRun"].Count > 0;

    private static k8s.IKubernetesObject<V1ObjectMeta> Parse(ResourceKind kind, JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw ApiStatus.BadRequest("the request body must be a JSON object");
        }

        if (obj["kind"]?.GetValue<string>() is { } k && k != kind.Kind)
        {
            throw ApiStatus.BadRequest($"the body kind {k} does not match the resource {kind.Plural}");
        }

        try
        {
            return kind.Parse(obj.ToJsonString());
        }
        catch (JsonException e)
        {
            throw ApiStatus.BadRequest($"the request body is not a valid {kind.Kind}: {e.Message}");
        }
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw ApiStatus.BadRequest($"the request body is not JSON: {e.Message}");
        }
    }
}
