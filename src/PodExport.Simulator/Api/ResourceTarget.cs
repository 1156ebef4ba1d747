using PodExport.Simulator.State;

namespace PodExport.Simulator.Api;

/// <summary>
/// A parsed resource path below a group-version: a collection (<see cref="Name"/> null; <see cref="Namespace"/> null
/// for all namespaces or a cluster-scoped kind) or one object, optionally a subresource.
/// </summary>
internal sealed record ResourceTarget(ResourceKind Kind, string? Namespace, string? Name, string? Subresource)
{
    public ObjectKey Key => new(Namespace ?? "", Name ?? "");

    public static ResourceTarget? Parse(string group, string version, string[] rest)
    {
        ResourceKind? Kind(string plural) => ResourceKind.FindByPath(group, version, plural);

        switch (rest)
        {
            case ["namespaces", var ns, var plural, ..] when group.Length == 0 || Kind(plural) is not null:
                if (Kind(plural) is { Namespaced: true } namespaced && rest.Length <= 5)
                {
                    return new ResourceTarget(namespaced, ns, rest.Length > 3 ? rest[3] : null, rest.Length > 4 ? rest[4] : null);
                }

                // /api/v1/namespaces/{name}/status|finalize: a subresource of the namespace itself.
                return rest.Length == 3 && plural is "status" or "finalize" && group.Length == 0
                    ? new ResourceTarget(ResourceKind.Namespace, null, ns, plural)
                    : null;
            case [var plural] when Kind(plural) is { } kind:
                return new ResourceTarget(kind, null, null, null);
            case [var plural, var name, ..] when rest.Length <= 3 && Kind(plural) is { Namespaced: false } kind:
                return new ResourceTarget(kind, null, name, rest.Length > 2 ? rest[2] : null);
            default:
                return null;
        }
    }
}
