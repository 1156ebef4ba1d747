using System.Text.Json.Nodes;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// OpenAPI v3 as kubectl needs it for <c>create -f</c>/<c>apply -f</c> with default validation (kubernetes-api D.1
/// item 7a): the root map of group-versions, and per group-version a permissive schema per kind carrying
/// <c>x-kubernetes-group-version-kind</c>, plus PATCH operations that declare the <c>fieldValidation</c> parameter
/// (kubectl's query-param verifier looks for it before trusting server-side validation).
/// </summary>
internal static class OpenApiDocuments
{
    private const string Hash = "5F1B5C0E1A2B3C4D";

    public static IEnumerable<string> GroupVersionPaths =>
        ResourceKind.All.Select(k => k.GroupVersionPath.TrimStart('/')).Distinct()
            .Concat(Discovery.ReviewResources.Select(r => $"apis/{r.Group}/v1"));

    public static JsonObject Root()
    {
        var paths = new JsonObject();
        foreach (var gv in GroupVersionPaths)
        {
            paths[gv] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{gv}?hash={Hash}" };
        }

        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document of one group-version (<c>api/v1</c>, <c>apis/apps/v1</c>, …), or null.</summary>
    public static JsonObject? ForGroupVersion(string groupVersionPath)
    {
        if (!GroupVersionPaths.Contains(groupVersionPath))
        {
            return null;
        }

        var schemas = new JsonObject();
        var paths = new JsonObject();
        foreach (var kind in ResourceKind.All.Where(k => k.GroupVersionPath.TrimStart('/') == groupVersionPath))
        {
            schemas[kind.SchemaName] = Schema(kind.Group, kind.Kind);
            schemas[kind.SchemaName + "List"] = Schema(kind.Group, kind.ListKind);
            var itemPath = kind.Namespaced
                ? $"{kind.GroupVersionPath}/namespaces/{{namespace}}/{kind.Plural}/{{name}}"
                : $"{kind.GroupVersionPath}/{kind.Plural}/{{name}}";
            paths[itemPath] = new JsonObject
            {
                ["patch"] = new JsonObject
                {
                    ["operationId"] = $"patch{kind.Kind}",
                    ["parameters"] = new JsonArray(
                        QueryParameter("fieldValidation"), QueryParameter("fieldManager"), QueryParameter("dryRun")),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                    ["x-kubernetes-action"] = "patch",
                    ["x-kubernetes-group-version-kind"] = Gvk(kind.Group, kind.Kind),
                },
            };
        }

        foreach (var review in Discovery.ReviewResources.Where(r => $"apis/{r.Group}/v1" == groupVersionPath))
        {
            schemas[$"io.k8s.api.{review.Group.Split('.')[0]}.v1.{review.Kind}"] = Schema(review.Group, review.Kind);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = Discovery.GitVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Schema(string group, string kind) => new()
    {
        ["type"] = "object",
        ["x-kubernetes-preserve-unknown-fields"] = true,
        ["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(group, kind)),
    };

    private static JsonObject Gvk(string group, string kind) => new()
    {
        ["group"] = group,
        ["kind"] = kind,
        ["version"] = "v1",
    };

    private static JsonObject QueryParameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };
}
