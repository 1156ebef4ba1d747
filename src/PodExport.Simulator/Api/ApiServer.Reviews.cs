using System.Text.Json.Nodes;

namespace PodExport.Simulator.Api;

/// <summary>Delegated authentication and authorization (kubernetes-api D.1 items 31–33).</summary>
internal sealed partial class ApiServer
{
    private async Task TokenReviewAsync(HttpContext context)
    {
        auth.CountTokenReview();
        var body = await ReadBodyAsync(context) as JsonObject ?? throw ApiStatus.BadRequest("a TokenReview body is required");
        var spec = body["spec"] as JsonObject ?? new JsonObject();
        var token = spec["token"]?.GetValue<string>() ?? "";
        var user = token.Length == 0 ? null : auth.Authenticate(token);
        var status = new JsonObject { ["authenticated"] = user is not null };
        if (user is not null)
        {
            status["user"] = new JsonObject
            {
                ["username"] = user.User,
                ["uid"] = user.Uid ?? $"uid-{user.User}",
                ["groups"] = new JsonArray([.. user.Groups.Select(g => (JsonNode?)g), "system:authenticated"]),
            };
            if (spec["audiences"] is JsonArray audiences)
            {
                status["audiences"] = audiences.DeepClone();
            }
        }
        else
        {
            status["user"] = new JsonObject();
            status["error"] = "invalid bearer token, token not found";
        }

        await WriteJsonAsync(context, 201, new JsonObject
        {
            ["kind"] = "TokenReview",
            ["apiVersion"] = "authentication.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = spec.DeepClone(),
            ["status"] = status,
        });
    }

    private async Task SubjectAccessReviewAsync(HttpContext context)
    {
        auth.CountSubjectAccessReview();
        var body = await ReadBodyAsync(context) as JsonObject ?? throw ApiStatus.BadRequest("a SubjectAccessReview body is required");
        var spec = body["spec"] as JsonObject ?? new JsonObject();
        var resource = spec["resourceAttributes"] as JsonObject;
        var nonResource = spec["nonResourceAttributes"] as JsonObject;
        if ((resource is null) == (nonResource is null))
        {
            throw new ApiStatus(422, "Invalid",
                "SubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified",
                "SubjectAccessReview", "", [("FieldValueInvalid", "exactly one of nonResourceAttributes or resourceAttributes must be specified", "spec.resourceAttributes")],
                "authorization.k8s.io");
        }

        var user = spec["user"]?.GetValue<string>();
        var groups = (spec["groups"] as JsonArray)?.Select(g => g?.GetValue<string>() ?? "").ToList();
        (bool Allowed, string Reason) decision = resource is null
            ? auth.Authorize(user, groups, null, null, null, null) is { Allowed: true } master ? master : (false, "non-resource requests are not allowed")
            : auth.Authorize(user, groups, resource["namespace"]?.GetValue<string>(), resource["verb"]?.GetValue<string>(),
                resource["group"]?.GetValue<string>(), resource["resource"]?.GetValue<string>());

        await WriteJsonAsync(context, 201, new JsonObject
        {
            ["kind"] = "SubjectAccessReview",
            ["apiVersion"] = "authorization.k8s.io/v1",
            ["metadata"] = new JsonObject { ["creationTimestamp"] = null },
            ["spec"] = spec.DeepClone(),
            ["status"] = new JsonObject { ["allowed"] = decision.Allowed, ["reason"] = decision.Reason },
        });
    }
}
