using PodExport.Model.Wire;

namespace PodExport.Model.Json;

/// <summary>
/// Writes pods and statuses exactly as StackRox's protojson + grpc-gateway does (export-api §4, §5).
/// PLACEHOLDER: signatures fixed; the implementation lands with the writer (issue 2).
/// </summary>
public static class PodJsonWriter
{
    /// <summary><c>{"result":{"pod":…}}</c> + <c>\n</c>, compact.</summary>
    public static byte[] RenderLine(Pod pod) => throw new NotImplementedException(pod.Id);

    /// <summary>The same message indented as Go's json.Indent(prefix "", indent "  "), + <c>\n</c> (W-25).</summary>
    public static byte[] RenderPrettyLine(Pod pod) => throw new NotImplementedException(pod.Id);

    /// <summary><c>{"error":{"code":N,"message":"…","details":[]}}</c> + <c>\n</c> (W-28, W-29).</summary>
    public static byte[] RenderErrorLine(RpcStatus status, bool pretty) => throw new NotImplementedException(status.Message + pretty);

    /// <summary><c>{"code":N,"message":"…","details":[],"error":"…"}</c>, no trailing newline (W-32).</summary>
    public static byte[] RenderParameterError(RpcStatus status, bool pretty) => throw new NotImplementedException(status.Message + pretty);
}
