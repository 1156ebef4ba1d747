using System.Text.Json.Nodes;
using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// The discovery documents kubectl and clients read (kubernetes-api D.1 items 1–5). Only the plain
/// <c>application/json</c> forms: kubectl falls back to them when aggregated discovery is not offered.
/// </summary>
internal static class Discovery
{
    public const string GitVersion = "v1.32.4";

    /// <summary>The review groups: served for create only.</summary>
    public static readonly (string Group, string Plural, string Kind)[] ReviewResources =
    [
        ("authentication.k8s.io", "tokenreviews", "TokenReview"),
        ("authorization.k8s.io", "subjectaccessreviews", "SubjectAccessReview"),
    ];

    private static readonly string[] ResourceGroups = ["apps", "batch"];
    private static readonly string[] AllCategory = ["all"];
    private static readonly string[] ObjectVerbs = ["create", "delete", "get", "list", "patch", "update", "watch"];

    public static string[] Groups => [.. ResourceGroups, .. ReviewResources.Select(r => r.Group)];

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = GitVersion,
        ["gitCommit"] = "59526cd4867447956156ae3a602fcbac5d2d8a2a",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-04-22T15:56:12Z",
        ["goVersion"] = "go1.23.6",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject
        {
            ["clientCIDR"] = "0.0.0.0/0",
            ["serverAddress"] = serverAddress,
        }),
    };

    public static JsonObject GroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(Groups.Select(g => (JsonNode)GroupBody(g)).ToArray()),
    };

    public static JsonObject? Group(string group)
    {
        if (!Groups.Contains(group))
        {
            return null;
        }

        var body = GroupBody(group);
        body["kind"] = "APIGroup";
        body["apiVersion"] = "v1";
        return body;
    }

    /// <summary>The APIResourceList of <c>group/v1</c> (group empty for the core group), or null.</summary>
    public static JsonObject? ResourceList(string group, string version)
    {
        if (version != "v1")
        {
            return null;
        }

        JsonArray resources;
        var review = ReviewResources.FirstOrDefault(r => r.Group == group);
        if (review.Group is not null)
        {
            resources = new JsonArray(new JsonObject
            {
                ["name"] = review.Plural,
                ["singularName"] = review.Kind.ToLowerInvariant(),
                ["namespaced"] = false,
                ["kind"] = review.Kind,
                ["verbs"] = new JsonArray("create"),
            });
        }
        else
        {
            var kinds = ResourceKind.All.Where(k => k.Group == group).ToList();
            if (kinds.Count == 0)
            {
                return null;
            }

            resources = new JsonArray(kinds.Select(k => (JsonNode)new JsonObject
            {
                ["name"] = k.Plural,
                ["singularName"] = k.Singular,
                ["namespaced"] = k.Namespaced,
                ["kind"] = k.Kind,
                ["verbs"] = new JsonArray(ObjectVerbs.Select(v => (JsonNode)v).ToArray()),
                ["shortNames"] = new JsonArray(k.ShortNames.Select(s => (JsonNode)s).ToArray()),
                ["categories"] = k.Namespaced
                    ? new JsonArray(AllCategory.Select(c => (JsonNode)c).ToArray())
                    : new JsonArray(),
            }).ToArray());
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject GroupBody(string group) => new()
    {
        ["name"] = group,
        ["versions"] = new JsonArray(new JsonObject { ["groupVersion"] = $"{group}/v1", ["version"] = "v1" }),
        ["preferredVersion"] = new JsonObject { ["groupVersion"] = $"{group}/v1", ["version"] = "v1" },
    };
}
