using System.Globalization;

namespace PodExport.Simulator.Api;

/// <summary>
/// The list/watch query parameters (kubernetes-api A.2, A.3, D.1 items 8 and 14), parsed and validated the way
/// kube-apiserver does: malformed values are 400, forbidden combinations 422.
/// </summary>
internal sealed class ListQuery
{
    public bool Watch { get; private init; }

    /// <summary>Empty when unset (<c>resourceVersion=</c> counts as unset).</summary>
    public string ResourceVersion { get; private init; } = "";

    /// <summary>Empty, <c>NotOlderThan</c> or <c>Exact</c>.</summary>
    public string ResourceVersionMatch { get; private init; } = "";

    public long? Limit { get; private init; }

    public string Continue { get; private init; } = "";

    public string? LabelSelector { get; private init; }

    public string? FieldSelector { get; private init; }

    public long? TimeoutSeconds { get; private init; }

    public bool AllowWatchBookmarks { get; private init; }

    public bool? SendInitialEvents { get; private init; }

    /// <summary>The numeric RV, or null when unset or "0".</summary>
    public long? ResourceVersionNumber =>
        ResourceVersion.Length == 0 || ResourceVersion == "0" ? null : long.Parse(ResourceVersion, CultureInfo.InvariantCulture);

    public static ListQuery Parse(IQueryCollection query)
    {
        if (query.TryGetValue("shardSelector", out var shard) && !string.IsNullOrEmpty(shard))
        {
            throw ApiStatus.BadRequest("shardSelector is not supported by this server");
        }

        var rv = (string?)query["resourceVersion"] ?? "";
        if (rv.Length > 0 && (!long.TryParse(rv, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 0))
        {
            throw ApiStatus.BadRequest($"invalid resource version: {rv}");
        }

        var result = new ListQuery
        {
            Watch = ParseBool(query, "watch") ?? false,
            ResourceVersion = rv,
            ResourceVersionMatch = (string?)query["resourceVersionMatch"] ?? "",
            Limit = ParseLong(query, "limit"),
            Continue = (string?)query["continue"] ?? "",
            LabelSelector = query["labelSelector"],
            FieldSelector = query["fieldSelector"],
            TimeoutSeconds = ParseLong(query, "timeoutSeconds"),
            AllowWatchBookmarks = ParseBool(query, "allowWatchBookmarks") ?? false,
            SendInitialEvents = ParseBool(query, "sendInitialEvents"),
        };
        result.Validate();
        return result;
    }

    /// <summary>apimachinery pkg/apis/meta/internalversion/validation ValidateListOptions.</summary>
    private void Validate()
    {
        const string Rvm = "resourceVersionMatch";
        if (ResourceVersionMatch.Length > 0 && ResourceVersionMatch is not ("NotOlderThan" or "Exact"))
        {
            throw new ApiStatus(422, "Invalid",
                $"ListOptions.meta.k8s.io \"\" is invalid: {Rvm}: Unsupported value: \"{ResourceVersionMatch}\": supported values: \"Exact\", \"NotOlderThan\"",
                "ListOptions", "", [("FieldValueNotSupported", $"Unsupported value: \"{ResourceVersionMatch}\"", Rvm)], "meta.k8s.io");
        }

        if (SendInitialEvents is not null)
        {
            if (!Watch)
            {
                throw ApiStatus.InvalidListOptions("sendInitialEvents", "Forbidden: sendInitialEvents is forbidden for list");
            }

            if (ResourceVersionMatch != "NotOlderThan")
            {
                throw ApiStatus.InvalidListOptions(Rvm,
                    "Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
            }

            return;
        }

        if (ResourceVersionMatch.Length == 0)
        {
            return;
        }

        if (Watch)
        {
            throw ApiStatus.InvalidListOptions(Rvm, "Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
        }

        if (ResourceVersion.Length == 0)
        {
            throw ApiStatus.InvalidListOptions(Rvm, "Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided");
        }

        if (Continue.Length > 0)
        {
            throw ApiStatus.InvalidListOptions(Rvm, "Forbidden: resourceVersionMatch is forbidden for continue");
        }

        if (ResourceVersionMatch == "Exact" && ResourceVersion == "0")
        {
            throw ApiStatus.InvalidListOptions(Rvm, "Forbidden: resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
        }
    }

    private static bool? ParseBool(IQueryCollection query, string name)
    {
        var raw = (string?)query[name];
        return raw switch
        {
            null or "" => null,
            "true" or "1" or "True" => true,
            "false" or "0" or "False" => false,
            _ => throw ApiStatus.BadRequest($"invalid value for {name}: {raw}"),
        };
    }

    private static long? ParseLong(IQueryCollection query, string name)
    {
        var raw = (string?)query[name];
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiStatus.BadRequest($"invalid value for {name}: {raw}");
    }
}
