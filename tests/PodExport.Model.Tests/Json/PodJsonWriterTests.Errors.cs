using System.Buffers;
using System.Text;
using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Json;

// The stream-error line (W-28, W-29) and the parameter-error body (W-32).
public sealed partial class PodJsonWriterTests
{
    [Fact]
    public void RenderErrorLine_Compact_WrapsStatusAndEndsWithNewline()
    {
        var line = PodJsonWriter.RenderErrorLine(new RpcStatus(RpcCode.Unavailable, "pod cache is not synchronized yet"), pretty: false);

        Assert.Equal("""{"error":{"code":14,"message":"pod cache is not synchronized yet","details":[]}}""" + "\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void RenderErrorLine_Pretty_IsGoIndentedWithNewline()
    {
        var line = PodJsonWriter.RenderErrorLine(new RpcStatus(RpcCode.DeadlineExceeded, "context deadline exceeded: export did not finish within 30s (timeout parameter)"), pretty: true);

        Assert.Equal(
            "{\n  \"error\": {\n    \"code\": 4,\n    \"message\": \"context deadline exceeded: export did not finish within 30s (timeout parameter)\",\n    \"details\": []\n  }\n}\n",
            Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void RenderErrorLine_Escaping_UsesGoForms()
    {
        var line = PodJsonWriter.RenderErrorLine(new RpcStatus(RpcCode.InvalidArgument, "a<b>&c\u001b\u2028é"), pretty: false);

        Assert.Equal("{\"error\":{\"code\":3,\"message\":\"a\\u003cb\\u003e\\u0026c\\u001b\\u2028é\",\"details\":[]}}\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void RenderErrorLine_EmptyMessage_WritesEmptyString()
    {
        var line = PodJsonWriter.RenderErrorLine(new RpcStatus(RpcCode.Internal, null!), pretty: false);

        Assert.Equal("""{"error":{"code":13,"message":"","details":[]}}""" + "\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void RenderParameterError_Compact_RepeatsMessageWithoutNewline()
    {
        var body = PodJsonWriter.RenderParameterError(new RpcStatus(RpcCode.InvalidArgument, "invalid URL escape \"%zz\""), pretty: false);

        Assert.Equal("""{"code":3,"message":"invalid URL escape \"%zz\"","details":[],"error":"invalid URL escape \"%zz\""}""", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void RenderParameterError_Pretty_IsGoIndentedWithoutNewline()
    {
        var body = PodJsonWriter.RenderParameterError(new RpcStatus(RpcCode.Unimplemented, "Method Not Allowed"), pretty: true);

        Assert.Equal(
            "{\n  \"code\": 12,\n  \"message\": \"Method Not Allowed\",\n  \"details\": [],\n  \"error\": \"Method Not Allowed\"\n}",
            Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void RenderParameterError_CatalogueMessages_MatchGolden()
    {
        RpcStatus[] statuses =
        [
            new(RpcCode.NotFound, "Not Found"),
            new(RpcCode.Unimplemented, "Method Not Allowed"),
            new(RpcCode.InvalidArgument, "invalid URL escape \"%zz\""),
            new(RpcCode.InvalidArgument, "too many values for field \"query\": a, b"),
            new(RpcCode.InvalidArgument, "parsing field \"timeout\": strconv.ParseInt: parsing \"abc\": invalid syntax"),
            new(RpcCode.InvalidArgument, "invalid timeout -5: must be 0 (no deadline) or a positive number of seconds"),
            new(RpcCode.InvalidArgument, "query <a> & 'b' + \"c\" \\ \u0001"),
        ];
        var output = new ArrayBufferWriter<byte>();
        foreach (var status in statuses)
        {
            output.Write(PodJsonWriter.RenderParameterError(status, pretty: false));
            output.Write("\n"u8);
            output.Write(PodJsonWriter.RenderParameterError(status, pretty: true));
            output.Write("\n"u8);
            output.Write(PodJsonWriter.RenderErrorLine(status, pretty: false));
            output.Write(PodJsonWriter.RenderErrorLine(status, pretty: true));
        }

        GoldenFile.AssertMatches("Json/errors.txt", output.WrittenSpan.ToArray());
    }
}
