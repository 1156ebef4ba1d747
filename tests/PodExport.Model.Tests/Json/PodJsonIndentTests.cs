using System.Text;
using PodExport.Model.Json;

namespace PodExport.Model.Tests.Json;

public sealed class PodJsonIndentTests
{
    public static TheoryData<string> GoldenPods => PodJsonWriterTests.GoldenPods;

    [Theory]
    [MemberData(nameof(GoldenPods))]
    public void IndentLine_GoldenPod_MatchesPrettyGoldenFile(string name)
    {
        var compact = PodJsonWriter.RenderLine(PodJsonWriterTests.PodByName(name));

        GoldenFile.AssertMatches($"Json/{name}.pretty.json", PodJsonWriter.IndentLine(compact));
    }

    [Theory]
    [MemberData(nameof(GoldenPods))]
    public void IndentLine_GoldenPod_EqualsGoIndentOracle(string name)
    {
        var compact = PodJsonWriter.RenderLine(PodJsonWriterTests.PodByName(name));

        var expected = GoIndent.Indent(compact.AsSpan(0, compact.Length - 1));

        Assert.Equal(Encoding.UTF8.GetString(expected) + "\n", Encoding.UTF8.GetString(PodJsonWriter.IndentLine(compact)));
    }

    [Theory]
    [InlineData("{}", "{}")]
    [InlineData("[]", "[]")]
    [InlineData("{\"a\":[]}", "{\n  \"a\": []\n}")]
    [InlineData("{\"a\":{\"b\":1,\"c\":[1,2]}}", "{\n  \"a\": {\n    \"b\": 1,\n    \"c\": [\n      1,\n      2\n    ]\n  }\n}")]
    [InlineData("[\"x,{y}:\\\"[z]\\\\\",null]", "[\n  \"x,{y}:\\\"[z]\\\\\",\n  null\n]")]
    public void IndentLine_Structures_AsGoIndent(string compact, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(PodJsonWriter.IndentLine(Encoding.UTF8.GetBytes(compact))));
        Assert.Equal(GoIndent.Indent(compact), expected);
    }
}
