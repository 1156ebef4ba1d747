using System.Text;
using PodExport.Model.Json;
using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Json;

public sealed class PodJsonWriterTests
{
    [Fact]
    public void RenderLine_ExportApiSample_MatchesSpecBytes()
    {
        var line = PodJsonWriter.RenderLine(SpecPods.Sample());

        Assert.Equal(SpecPods.SampleLine + "\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void RenderLine_PodModelWorkedExample_MatchesSpecBytes()
    {
        var line = PodJsonWriter.RenderLine(SpecPods.WorkedExample());

        Assert.Equal(SpecPods.WorkedExampleLine + "\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void RenderErrorLine_Compact_WrapsStatusAndEndsWithNewline()
    {
        var line = PodJsonWriter.RenderErrorLine(new RpcStatus(RpcCode.Unavailable, "pod cache is not synchronized yet"), pretty: false);

        Assert.Equal("""{"error":{"code":14,"message":"pod cache is not synchronized yet","details":[]}}""" + "\n", Encoding.UTF8.GetString(line));
    }

    [Fact]
    public void RenderParameterError_Compact_RepeatsMessageWithoutNewline()
    {
        var body = PodJsonWriter.RenderParameterError(new RpcStatus(RpcCode.InvalidArgument, "invalid URL escape \"%zz\""), pretty: false);

        Assert.Equal("""{"code":3,"message":"invalid URL escape \"%zz\"","details":[],"error":"invalid URL escape \"%zz\""}""", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void RenderErrorLine_Escaping_UsesGoForms()
    {
        var line = PodJsonWriter.RenderErrorLine(new RpcStatus(RpcCode.InvalidArgument, "a<b>&c\u001b\u2028é"), pretty: false);

        Assert.Equal("{\"error\":{\"code\":3,\"message\":\"a\\u003cb\\u003e\\u0026c\\u001b\\u2028é\",\"details\":[]}}\n", Encoding.UTF8.GetString(line));
    }
}
