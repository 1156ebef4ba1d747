using PodExport.Query.Catalog;
using static PodExport.Query.Tests.QueryAssert;

namespace PodExport.Query.Tests.Parsing;

/// <summary>Every error kind of query-language §8 with its exact message and position.</summary>
public sealed class QueryErrorTests
{
    private static readonly string List = LabelCatalog.SupportedList;

    [Fact]
    public void SupportedList_IsQ27Verbatim() =>
        Assert.Equal(
            "Cluster, Cluster ID, Container Image Digest, Container Name, Container Restarts, Deployment, Deployment ID, "
            + "Deployment Label, Deployment Type, Exit Code, Image, Namespace, Node, Pod Deleted, Pod ID, Pod Label, Pod Name, "
            + "Pod Started, Pod UID, Termination Reason",
            List);

    [Theory]
    [InlineData("Pod Name:\"a\"+Namespace:\"b", 24)]
    [InlineData("\"", 1)]
    [InlineData("Namspace:\"x", 10)]
    [InlineData("Pod Label:app=\"a\"\"", 18)]
    public void Query_OddQuotes_UnterminatedQuoteAtLastQuote(string text, int position) =>
        AssertError(text, QueryErrorKind.UnterminatedQuote, position, $"unterminated quote at position {position}");

    [Theory]
    [InlineData("nginx", "nginx", 1)]
    [InlineData("nginx+Pod Name:web", "nginx", 1)]
    [InlineData("  ngi nx  +Pod Name:web", "ngi nx", 3)]
    [InlineData("ng+inx+Pod Name:web", "ng+inx", 1)]
    public void Pair_WithoutColon_NoColon(string text, string pair, int position) =>
        AssertError(text, QueryErrorKind.NoColon, position, $"\"{pair}\" at position {position} is not a label:value pair");

    [Theory]
    [InlineData(":web", 1)]
    [InlineData("Pod Name:web+ :x", 15)]
    [InlineData("  \t:x", 4)]
    public void Pair_WithoutLabel_NoLabelAtColon(string text, int position) =>
        AssertError(text, QueryErrorKind.NoLabel, position, $"missing label before ':' at position {position}");

    [Theory]
    [InlineData("Namspace:shop", "Namspace", 1, "Namespace")]
    [InlineData("Namespace:a+  Nmspace :x", "Nmspace", 15, "Namespace")]
    [InlineData("pod  name:x", "pod  name", 1, "Pod Name")]
    [InlineData("Pod UD:x", "Pod UD", 1, "Pod ID")]
    [InlineData("EXITCODE:1", "EXITCODE", 1, "Exit Code")]
    public void Label_Typo_UnknownLabelWithSuggestion(string text, string label, int position, string suggestion) =>
        AssertError(
            text,
            QueryErrorKind.UnknownLabel,
            position,
            $"unknown label \"{label}\" at position {position}; did you mean \"{suggestion}\"? supported labels: {List}");

    [Theory]
    [InlineData("Foo Bar Baz:x", "Foo Bar Baz", 1)]
    [InlineData("Pod Name:é😀+Qqqqq Zzz:x", "Qqqqq Zzz", 14)]
    public void Label_Unknown_NoSuggestionPart(string text, string label, int position) =>
        AssertError(text, QueryErrorKind.UnknownLabel, position, $"unknown label \"{label}\" at position {position}; supported labels: {List}");

    [Theory]
    [InlineData("Policy:Latest tag", "Policy", 1)]
    [InlineData("image tag:1.0", "Image Tag", 1)]
    [InlineData("Namespace:shop+CVE:CVE-2021-44228", "CVE", 16)]
    [InlineData("Namespace:shop Container Runtime:docker", "Container Runtime", 16)]
    [InlineData("memory limit (mb):5", "Memory Limit (MB)", 1)]
    public void Label_StackRoxOnly_NotAPodLabelInStackRoxSpelling(string text, string label, int position) =>
        AssertError(text, QueryErrorKind.NotAPodLabel, position, $"label \"{label}\" at position {position} does not apply to pods; supported labels: {List}");

    [Theory]
    [InlineData("Pod Name:", "Pod Name", 1)]
    [InlineData("Pod Name:   ", "Pod Name", 1)]
    [InlineData("pod name:a,,b", "Pod Name", 1)]
    [InlineData("Pod Name:,a", "Pod Name", 1)]
    [InlineData("Namespace:x+Pod Name:a,", "Pod Name", 13)]
    [InlineData("Namespace:x+ Exit Code:1,", "Exit Code", 14)]
    public void Value_Empty_EmptyValueAtLabel(string text, string label, int position) =>
        AssertError(text, QueryErrorKind.EmptyValue, position, $"empty value for label \"{label}\" at position {position}");

    [Theory]
    [InlineData("Pod ID:!xyz", "!xyz", "Pod ID", 8)]
    [InlineData("Cluster ID:\"6a4e1f0c\"", "\"6a4e1f0c\"", "Cluster ID", 12)]
    [InlineData("Pod UID: 0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01,x", "x", "Pod UID", 47)]
    [InlineData("Deployment ID:5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4", "5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4", "Deployment ID", 15)]
    [InlineData("Deployment ID:5c1e2d3f+4a5b-4c6d-8e7f-9a0b1c2d3e4f", "5c1e2d3f+4a5b-4c6d-8e7f-9a0b1c2d3e4f", "Deployment ID", 15)]
    [InlineData("Deployment ID:5c1e2d3f4a5b4c6d8e7f9a0b1c2d3e4g", "5c1e2d3f4a5b4c6d8e7f9a0b1c2d3e4g", "Deployment ID", 15)]
    [InlineData("Deployment ID:*x", "*x", "Deployment ID", 15)]
    public void Value_NotAUuid_BadUuid(string text, string v, string label, int position) =>
        AssertError(text, QueryErrorKind.BadUuid, position, $"value \"{v}\" for label \"{label}\" at position {position} is not a valid UUID");

    [Fact]
    public void Value_UnterminatedSet_BadRegexWithReason()
    {
        var error = Fails("Pod Name:web,r/[a");
        Assert.Equal(QueryErrorKind.BadRegex, error.Kind);
        Assert.Equal(14, error.Position);
        Assert.StartsWith("invalid query: invalid regular expression \"[a\" for label \"Pod Name\" at position 14: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pod Name:r/(a)\\1", "(a)\\1", 10)]
    [InlineData("Node:!r/(?=x)y", "(?=x)y", 6)]
    [InlineData("Image:r/(?>a)", "(?>a)", 7)]
    [InlineData("Pod ID:r/(?<!a)b", "(?<!a)b", 8)]
    [InlineData("Pod Label:r/a{1000}{1000}=x", "a{1000}{1000}", 11)]
    [InlineData("Pod Label:app=!r/a**", "a**", 11)]
    public void Value_UnsupportedRegex_BadRegex(string text, string pattern, int position)
    {
        var error = Fails(text);
        Assert.Equal(QueryErrorKind.BadRegex, error.Kind);
        Assert.Equal(position, error.Position);
        Assert.Contains($"invalid regular expression \"{pattern}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Value_RegexTooLong_BadRegex()
    {
        var pattern = new string('a', 1001);
        var error = Fails("Pod Name:r/" + pattern);
        Assert.Equal(QueryErrorKind.BadRegex, error.Kind);
        Assert.EndsWith(": the pattern is longer than 1000 characters", error.Message, StringComparison.Ordinal);
        Assert.True(QueryCompiler.TryCompileUncached("Pod Name:r/" + new string('a', 1000), out _, out _));
    }

    [Theory]
    [InlineData("Exit Code:abc", "abc")]
    [InlineData("Exit Code:>1-5", ">1-5")]
    [InlineData("Exit Code:1e", "1e")]
    [InlineData("Exit Code:1e-3", "1e-3")]
    [InlineData("Exit Code:inf", "inf")]
    [InlineData("Exit Code:NaN", "NaN")]
    [InlineData("Exit Code:0x10", "0x10")]
    [InlineData("Exit Code:1-x", "1-x")]
    [InlineData("Exit Code:x-1", "x-1")]
    [InlineData("Exit Code:1e999", "1e999")]
    [InlineData("Exit Code:.", ".")]
    [InlineData("Exit Code:>", ">")]
    [InlineData("Exit Code:1_000", "1_000")]
    public void Value_NotANumber_BadNumber(string text, string v) =>
        AssertError(text.TrimEnd(), QueryErrorKind.BadNumber, 11, $"value \"{v}\" for label \"Exit Code\" at position 11 is not a valid number");

    [Fact]
    public void Value_NumberWithTrailingSpaceInList_BadNumber() =>
        AssertError("Container Restarts:5 ,6", QueryErrorKind.BadNumber, 20, "value \"5 \" for label \"Container Restarts\" at position 20 is not a valid number");

    [Theory]
    [InlineData("Exit Code:5-3", "Exit Code", "5-3", 11)]
    [InlineData("Container Restarts:5-5", "Container Restarts", "5-5", 20)]
    [InlineData("Exit Code:5--3", "Exit Code", "5--3", 11)]
    [InlineData("Pod Started:5-3", "Pod Started", "5-3", 13)]
    [InlineData("Pod Started:3d-3d", "Pod Started", "3d-3d", 13)]
    public void Value_RangeNotIncreasing_BadRange(string text, string label, string v, int position) =>
        AssertError(text, QueryErrorKind.BadRange, position, $"invalid range \"{v}\" for label \"{label}\" at position {position}: the first bound must be lower than the second");

    [Theory]
    [InlineData("13/01/2022")]
    [InlineData("02/30/2022")]
    [InlineData("02/29/2023")]
    [InlineData("3/9/2022")]
    [InlineData("03/09/22")]
    [InlineData("03/09/2022 EST")]
    [InlineData("03/09/2022 utc")]
    [InlineData("03/09/2022  UTC")]
    [InlineData("03/09/2022 0:30 AM")]
    [InlineData("03/09/2022 13:00 PM")]
    [InlineData("03/09/2022 1:00 pm")]
    [InlineData("03/09/2022 1:0 PM")]
    [InlineData("03/09/2022 1:00")]
    [InlineData("03/09/2022 1:00:60 PM")]
    [InlineData("03/09/2022 1:60 PM")]
    [InlineData("03/09/2022 1:00 PM EST")]
    [InlineData("tr/5")]
    [InlineData("tr/-5-10")]
    [InlineData("tr/5-")]
    [InlineData("tr/a-5")]
    [InlineData("tr/1.5-2")]
    [InlineData(">1-5")]
    [InlineData(">=1d-2d")]
    [InlineData("5dd")]
    [InlineData("d")]
    [InlineData("5-")]
    [InlineData("5-x")]
    [InlineData("3000000000d")]
    [InlineData("yesterday")]
    [InlineData("=")]
    [InlineData("2022-03-09")]
    public void Value_NotADate_BadDate(string v) =>
        AssertError("Pod Started:" + v, QueryErrorKind.BadDate, 13, $"value \"{v}\" for label \"Pod Started\" at position 13 is not a valid date (use MM/DD/YYYY, Nd, N-M or tr/<ms>-<ms>)");

    [Theory]
    [InlineData("yes")]
    [InlineData("truex")]
    [InlineData("2")]
    [InlineData("on")]
    [InlineData("-1")]
    public void Value_NotABool_BadBool(string v) =>
        AssertError("Pod Deleted:" + v, QueryErrorKind.BadBool, 13, $"value \"{v}\" for label \"Pod Deleted\" at position 13 is not a valid boolean (use true or false)");

    [Theory]
    [InlineData("Pod Name:!!web", "!!", "Pod Name", "string", 10)]
    [InlineData("Pod ID:!!x", "!!", "Pod ID", "uuid", 8)]
    [InlineData("Exit Code:!1", "!", "Exit Code", "numeric", 11)]
    [InlineData("Exit Code:!!1", "!!", "Exit Code", "numeric", 11)]
    [InlineData("Container Restarts:\"1\"", "\"", "Container Restarts", "numeric", 20)]
    [InlineData("Pod Started:r/2022", "r/", "Pod Started", "date", 13)]
    [InlineData("Pod Started:!1d", "!", "Pod Started", "date", 13)]
    [InlineData("Pod Deleted:\"true\"", "\"", "Pod Deleted", "bool", 13)]
    [InlineData("Pod Deleted:!true", "!", "Pod Deleted", "bool", 13)]
    [InlineData("Pod Deleted:r/t", "r/", "Pod Deleted", "bool", 13)]
    [InlineData("Pod Label:app=!!x", "!!", "Pod Label", "map", 11)]
    public void Value_FormNotAllowedForType_Modifier(string text, string m, string label, string type, int position) =>
        AssertError(text, QueryErrorKind.Modifier, position, $"modifier \"{m}\" is not allowed for label \"{label}\" ({type}) at position {position}");

    [Theory]
    [InlineData("!app")]
    [InlineData("!app=web")]
    [InlineData("!")]
    [InlineData("!=")]
    [InlineData("!=x")]
    [InlineData("!!app")]
    [InlineData("!\"app\"=!x")]
    public void Value_NegatedMapKey_BadMap(string v) =>
        AssertError("Deployment Label:" + v, QueryErrorKind.BadMap, 18, $"unsupported map query \"{v}\" for label \"Deployment Label\" at position 18: only \"!key=\" may be negated");

    [Theory]
    [InlineData("Exit Code:abc+Namspace:x", QueryErrorKind.BadNumber)]
    [InlineData("Namspace:x+Exit Code:abc", QueryErrorKind.UnknownLabel)]
    [InlineData("Namspace:\"x", QueryErrorKind.UnterminatedQuote)]
    [InlineData("Pod Name:r/[,", QueryErrorKind.BadRegex)]
    [InlineData("Pod Name:,r/[", QueryErrorKind.EmptyValue)]
    [InlineData("Pod Name:x,!!y,", QueryErrorKind.Modifier)]
    [InlineData("nginx+Namspace:x", QueryErrorKind.NoColon)]
    [InlineData("Namspace:", QueryErrorKind.UnknownLabel)]
    [InlineData("Policy:", QueryErrorKind.NotAPodLabel)]
    public void Query_SeveralErrors_FirstInQ30Order(string text, string kind) =>
        Assert.Equal(kind, Fails(text).Kind);

    private static void AssertError(string text, string kind, int position, string message)
    {
        var error = Fails(text);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(position, error.Position);
        Assert.Equal("invalid query: " + message, error.Message);
        Assert.Equal(Model.Wire.RpcCode.InvalidArgument, error.ToStatus().Code);
    }
}
