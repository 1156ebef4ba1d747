using PodExport.Model.Records;
using PodExport.Query.Catalog;
using PodExport.Query.Syntax;
using static PodExport.Query.Tests.QueryAssert;

namespace PodExport.Query.Tests;

/// <summary>Every example of query-language.md §9, with pods it must and must not match.</summary>
public sealed class QueryExamplesTests
{
    private static readonly PodRecord[] NamedPods =
        [TestPods.Make("web"), TestPods.Make("web-0"), TestPods.Make("webapp"), TestPods.Make("WEB-1"), TestPods.Make("api")];

    [Fact]
    public void Example01_Empty_MatchesEveryPod()
    {
        var query = Compile("");
        Assert.True(query.MatchesAll);
        Assert.Equal(["web", "web-0", "webapp", "WEB-1", "api"], Select("", NamedPods));
        Assert.True(Compile(" \t ").MatchesAll);
    }

    [Theory]
    [InlineData("Namespace:shop,payments+Pod Name:web")]
    [InlineData("Namespace:shop,payments + Pod Name:web")]
    public void Example02And03_TwoValuesAndSecondPair_OrThenAnd(string text)
    {
        var pods = new[]
        {
            TestPods.Make("web-1", ns: "shop"),
            TestPods.Make("webapp", ns: "payments-eu"),
            TestPods.Make("api", ns: "shop"),
            TestPods.Make("web", ns: "billing"),
            TestPods.Make("WEB", ns: "SHOP-2"),
        };
        Assert.Equal(["web-1", "webapp", "WEB"], Select(text, pods));
        Assert.Equal("Namespace:shop,payments+Pod Name:web", Compile(text).Syntax.ToString());
    }

    [Fact]
    public void Example04_NoColon_IsRejected()
    {
        var error = Fails("nginx");
        Assert.Equal(QueryErrorKind.NoColon, error.Kind);
        Assert.Equal("invalid query: \"nginx\" at position 1 is not a label:value pair", error.Message);
    }

    [Fact]
    public void Example05_EmptyValue_IsRejected()
    {
        var error = Fails("Pod Name:");
        Assert.Equal(QueryErrorKind.EmptyValue, error.Kind);
        Assert.Equal("invalid query: empty value for label \"Pod Name\" at position 1", error.Message);
    }

    [Fact]
    public void Example06_SpacesAroundLabelAndValue_AreTrimmed()
    {
        var query = Compile("  Pod Name :  web  ");
        var pair = Assert.Single(query.Syntax.Pairs);
        Assert.Equal("Pod Name", pair.Label.Name);
        Assert.Equal(new StringValue(StringMatchKind.Prefix, "web"), Assert.Single(pair.Values));
        Assert.Equal(["web", "web-0", "webapp", "WEB-1"], Select("  Pod Name :  web  ", NamedPods));
    }

    [Fact]
    public void Example07_PlusWithoutFollowingColon_StaysInValue()
    {
        var pair = Assert.Single(Compile("Pod Label:app=web+api").Syntax.Pairs);
        Assert.Equal(
            new MapEntryValue(new StringValue(StringMatchKind.Prefix, "app"), new StringValue(StringMatchKind.Prefix, "web+api")),
            Assert.Single(pair.Values));
        Match("Pod Label:app=web+api", TestPods.Make(labels: new() { ["application"] = "WEB+API-v2" }));
        NoMatch("Pod Label:app=web+api", TestPods.Make(labels: new() { ["app"] = "web" }));
        NoMatch("Pod Label:app=web+api", TestPods.Make(labels: new() { ["tier"] = "web+api" }));
    }

    [Fact]
    public void Example08_PlainValue_IsCaseInsensitivePrefix() =>
        Assert.Equal(["web", "web-0", "webapp", "WEB-1"], Select("Pod Name:web", NamedPods));

    [Fact]
    public void Example09_QuotedValue_IsExactAndLabelCaseDoesNotMatter() =>
        Assert.Equal(["web"], Select("pOD nAME:\"web\"", NamedPods));

    [Fact]
    public void Example10_Regex_IsCaseInsensitive() =>
        Assert.Equal(["web-0", "WEB-1"], Select("Pod Name:r/^web-[0-9]+$", NamedPods));

    [Fact]
    public void Example11_NegatedRegex_MatchesTheRest() =>
        Assert.Equal(["api"], Select("Pod Name:!r/^web", NamedPods));

    [Fact]
    public void Example12_UnterminatedQuote_IsRejected()
    {
        var error = Fails("Pod Name:\"web");
        Assert.Equal(QueryErrorKind.UnterminatedQuote, error.Kind);
        Assert.Equal(10, error.Position);
        Assert.Equal("invalid query: unterminated quote at position 10", error.Message);
    }

    [Fact]
    public void Example13_ExitCode_AnyTerminatedInstance()
    {
        var oom = TestPods.Make("oom", terminated: [("app", 0, "Completed"), ("app", 137, "OOMKilled")]);
        var clean = TestPods.Make("clean", terminated: [("app", 0, "Completed")]);
        var error = TestPods.Make("error", terminated: [("app", 1, "Error")]);
        var none = TestPods.Make("none");
        Assert.Equal(["oom"], Select("Exit Code:137", oom, clean, error, none));
        Assert.Equal(["oom", "error"], Select("Exit Code:>0", oom, clean, error, none));
        Assert.Equal(["oom"], Select("Exit Code:>=128", oom, clean, error, none));
    }

    [Fact]
    public void Example14_Date_MatchesTheWholeUtcDay()
    {
        var pod = TestPods.Make(started: new DateTimeOffset(2022, 3, 9, 12, 0, 0, TimeSpan.Zero));
        Match("Pod Started:03/09/2022", pod);
        NoMatch("Pod Started:03/08/2022", pod);
        Match("Pod Started:03/09/2022", TestPods.Make(started: new DateTimeOffset(2022, 3, 9, 0, 0, 0, TimeSpan.Zero)));
        NoMatch("Pod Started:03/09/2022", TestPods.Make(started: new DateTimeOffset(2022, 3, 10, 0, 0, 0, TimeSpan.Zero)));
        Match("Pod Started:03/09/2022", TestPods.Make(started: new DateTimeOffset(2022, 3, 9, 23, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Example15_OlderThanOneDay_IsInverted()
    {
        var dayAgo = ViewTime.AddDays(-1);
        Match("Pod Started:>1d", TestPods.Make(started: dayAgo));
        Match("Pod Started:>1d", TestPods.Make(started: dayAgo.AddSeconds(-1)));
        NoMatch("Pod Started:>1d", TestPods.Make(started: dayAgo.AddSeconds(1)));
        NoMatch("Pod Started:>1d", TestPods.Make(noStarted: true));
    }

    [Fact]
    public void Example16_MillisecondRange_IsHalfOpen()
    {
        const string Text = "Pod Started:tr/1646784000000-1646870400000";
        Match(Text, TestPods.Make(started: new DateTimeOffset(2022, 3, 9, 0, 0, 0, TimeSpan.Zero)));
        Match(Text, TestPods.Make(started: new DateTimeOffset(2022, 3, 9, 23, 59, 59, TimeSpan.Zero)));
        NoMatch(Text, TestPods.Make(started: new DateTimeOffset(2022, 3, 10, 0, 0, 0, TimeSpan.Zero)));
        NoMatch(Text, TestPods.Make(started: new DateTimeOffset(2022, 3, 8, 23, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Example17_DaysWithoutOperator_IsExactInstant()
    {
        Match("Pod Started:1d", TestPods.Make(started: ViewTime.AddDays(-1)));
        NoMatch("Pod Started:1d", TestPods.Make(started: ViewTime.AddDays(-1).AddTicks(1)));
        NoMatch("Pod Started:1d", TestPods.Make(started: ViewTime.AddDays(-1).AddSeconds(-1)));
    }

    [Fact]
    public void Example18_BadDate_IsRejected()
    {
        var error = Fails("Pod Started:>lol");
        Assert.Equal(QueryErrorKind.BadDate, error.Kind);
        Assert.Equal(
            "invalid query: value \">lol\" for label \"Pod Started\" at position 13 is not a valid date (use MM/DD/YYYY, Nd, N-M or tr/<ms>-<ms>)",
            error.Message);
    }

    [Fact]
    public void Example19_DeploymentId_IsEqualityNeverPrefix()
    {
        Match("Deployment ID:5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", TestPods.Make());
        Match("Deployment ID:5C1E2D3F-4A5B-4C6D-8E7F-9A0B1C2D3E4F", TestPods.Make());
        NoMatch("Deployment ID:5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", TestPods.Make(deploymentId: "5c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e40"));
    }

    [Fact]
    public void Example20_ShortUuid_IsRejected()
    {
        var error = Fails("Deployment ID:5c1e2d3f");
        Assert.Equal(QueryErrorKind.BadUuid, error.Kind);
        Assert.Equal("invalid query: value \"5c1e2d3f\" for label \"Deployment ID\" at position 15 is not a valid UUID", error.Message);
    }

    [Fact]
    public void Example21_DeploymentIdPresence_EveryPodOrNone()
    {
        Assert.Equal(5, Select("Deployment ID:*", NamedPods).Length);
        Assert.Empty(Select("Deployment ID:-", NamedPods));
    }

    [Fact]
    public void Example22_Deployment_PrefixOrExact()
    {
        var pods = new[] { TestPods.Make("a", ownerName: "web"), TestPods.Make("b", ownerName: "webshop"), TestPods.Make("c", ownerName: "api") };
        Assert.Equal(["a", "b"], Select("Deployment:web", pods));
        Assert.Equal(["a"], Select("Deployment:\"web\"", pods));
    }

    [Fact]
    public void Example23_Typo_SuggestsNamespace()
    {
        var error = Fails("Namspace:shop");
        Assert.Equal(QueryErrorKind.UnknownLabel, error.Kind);
        Assert.Equal(
            "invalid query: unknown label \"Namspace\" at position 1; did you mean \"Namespace\"? supported labels: " + LabelCatalog.SupportedList,
            error.Message);
    }

    [Fact]
    public void Example24_StackRoxPolicyLabel_DoesNotApplyToPods()
    {
        var error = Fails("Policy:Latest tag");
        Assert.Equal(QueryErrorKind.NotAPodLabel, error.Kind);
        Assert.Equal("invalid query: label \"Policy\" at position 1 does not apply to pods; supported labels: " + LabelCatalog.SupportedList, error.Message);
    }

    [Fact]
    public void Example25_SameLabelTwice_BothRequired()
    {
        var pods = new[] { TestPods.Make(ns: "shop"), TestPods.Make(ns: "payments"), TestPods.Make(ns: "shoppayments") };
        Assert.Empty(Select("Namespace:shop+Namespace:payments", pods));
        Assert.Equal(2, Compile("Namespace:shop+nAMESPACE:payments").Syntax.Pairs.Count);
    }

    [Theory]
    [InlineData("Namespace:shop+Pod Name:web")]
    [InlineData("Namespace:shop Pod Name:web")]
    public void Example26And27_PlusOrDecodedSpace_TwoPairs(string text)
    {
        var pods = new[] { TestPods.Make("web-1", ns: "shop"), TestPods.Make("api", ns: "shop"), TestPods.Make("web", ns: "payments") };
        Assert.Equal(["web-1"], Select(text, pods));
        Assert.Equal(2, Compile(text).Syntax.Pairs.Count);
    }

    [Fact]
    public void Example28_OomKilledStatefulSets()
    {
        const string Text = "Termination Reason:OOMKilled+Deployment Type:\"StatefulSet\"";
        var oom = new[] { ("db", 137, "OOMKilled") };
        Match(Text, TestPods.Make(terminated: oom, ownerKind: "StatefulSet"));
        NoMatch(Text, TestPods.Make(terminated: oom, ownerKind: "Deployment"));
        NoMatch(Text, TestPods.Make(terminated: [("db", 1, "Error")], ownerKind: "StatefulSet"));
        NoMatch(Text, TestPods.Make(terminated: oom, ownerKind: "statefulset"));
    }

    [Fact]
    public void Example29_LabelKeyPresentOrAbsent()
    {
        var withApp = TestPods.Make(labels: new() { ["app"] = "web" });
        var withApplication = TestPods.Make(labels: new() { ["application"] = "web" });
        var withUpperApp = TestPods.Make(labels: new() { ["App"] = "web" });
        Match("Pod Label:app=", withApp);
        NoMatch("Pod Label:app=", withApplication);
        NoMatch("Pod Label:app=", withUpperApp);
        NoMatch("Pod Label:!app=", withApp);
        Match("Pod Label:!app=", withApplication);
        Match("Pod Label:!app=", TestPods.Make(labels: []));
    }

    [Fact]
    public void Example30_ExistingPodsWithRestarts()
    {
        const string Text = "Pod Deleted:false+Container Restarts:>=3";
        Match(Text, TestPods.Make(restarts: 3));
        Match(Text, TestPods.Make(restarts: 10));
        NoMatch(Text, TestPods.Make(restarts: 2));
        NoMatch(Text, TestPods.Make(restarts: 5, deleted: true));
    }
}
