using System.Collections.ObjectModel;
using PodExport.Model.Records;
using static PodExport.Query.Tests.QueryAssert;

namespace PodExport.Query.Tests.Compilation;

/// <summary>Evaluation of each field type's forms (query-language §6) and of list fields (Q-26).</summary>
public sealed class PredicateTests
{
    [Fact]
    public void String_Forms_Section61()
    {
        var pod = TestPods.Make("Web-frontend");
        Match("Pod Name:wEB", pod);
        Match("Pod Name:web-frontend", pod);
        NoMatch("Pod Name:web-frontend-x", pod);
        NoMatch("Pod Name:frontend", pod);
        Match("Pod Name:!api", pod);
        NoMatch("Pod Name:!web", pod);
        Match("Pod Name:\"Web-frontend\"", pod);
        NoMatch("Pod Name:\"web-frontend\"", pod);
        NoMatch("Pod Name:\"Web\"", pod);
        Match("Pod Name:!\"web-frontend\"", pod);
        NoMatch("Pod Name:!\"Web-frontend\"", pod);
        Match("Pod Name:r/front", pod);
        Match("Pod Name:r/FRONT", pod);
        NoMatch("Pod Name:r/^front", pod);
        Match("Pod Name:!r/^front", pod);
        NoMatch("Pod Name:!r/end$", pod);
        Match("Pod Name:*", pod);
        NoMatch("Pod Name:-", pod);
        NoMatch("Pod Name:\"\"", pod);
        NoMatch("Pod Name:>W", pod);
        Match("Pod Name:>W", TestPods.Make(">web"));
    }

    [Fact]
    public void String_PercentAndUnderscore_AreLiteral()
    {
        NoMatch("Pod Name:w%", TestPods.Make("web"));
        NoMatch("Pod Name:w_b", TestPods.Make("web"));
        Match("Pod Name:w_b", TestPods.Make("w_b-1"));
    }

    [Fact]
    public void String_NonAsciiPrefix_IgnoresCase() => Match("Pod Name:ÉCOLE", TestPods.Make("école-1"));

    [Fact]
    public void String_EmptyField_PresenceAndExactEmpty()
    {
        var unscheduled = TestPods.Make(node: "");
        var scheduled = TestPods.Make(node: "worker-1");
        Match("Node:-", unscheduled);
        NoMatch("Node:*", unscheduled);
        Match("Node:\"\"", unscheduled);
        Match("Node:*", scheduled);
        NoMatch("Node:-", scheduled);
        Match("Node:!\"\"", scheduled);
    }

    [Fact]
    public void String_OtherScalarFields_ReadTheirAttribute()
    {
        var pod = TestPods.Make(cluster: "prod-east", ownerName: "payments", ownerKind: "StatefulSet", node: "worker-7");
        Match("Cluster:prod", pod);
        Match("Deployment:pay", pod);
        Match("Deployment Type:stateful", pod);
        NoMatch("Deployment Type:Deployment", pod);
        Match("Node:\"worker-7\"", pod);
        Match("Deployment Type:Deployment", TestPods.Make(ownerKind: "DeploymentConfig"));
        NoMatch("Deployment Type:\"Deployment\"", TestPods.Make(ownerKind: "DeploymentConfig"));
    }

    [Fact]
    public void Uuid_Forms_Q16()
    {
        var pod = TestPods.Make();
        Match($"Pod UID:{TestPods.PodUid}", pod);
        Match($"Pod UID:{{{TestPods.PodUid.ToUpperInvariant()}}}", pod);
        Match($"Pod UID:urn:uuid:{TestPods.PodUid}", pod);
        Match($"Pod UID:{TestPods.PodUid.Replace("-", "", StringComparison.Ordinal)}", pod);
        Match($"Pod UID:\"{TestPods.PodUid}\"", pod);
        NoMatch($"Pod UID:!{TestPods.PodUid}", pod);
        Match("Pod UID:!00000000-0000-0000-0000-000000000000", pod);
        Match("Pod UID:r/^0b7c6e4e-", pod);
        Match("Pod UID:r/^0B7C", pod);
        NoMatch("Pod UID:!r/9a01$", pod);
        Match($"Pod ID:{TestPods.PodId}", pod);
        Match($"Cluster ID:{TestPods.ClusterId}", pod);
        Match("Pod UID:*", pod);
        NoMatch("Pod UID:-", pod);
        Match("Pod UID:-", TestPods.Make(podUid: ""));
        NoMatch("Pod UID:r/.", TestPods.Make(podUid: ""));
        Match("Pod UID:!r/.", TestPods.Make(podUid: ""));
    }

    [Fact]
    public void Uuid_FieldInOtherCaseOrForm_ComparesTheValue()
    {
        var upper = TestPods.Make(podUid: TestPods.PodUid.ToUpperInvariant());
        Match($"Pod UID:{TestPods.PodUid}", upper);
        Match("Pod UID:r/^0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01$", upper);
        Match("Pod UID:r/[a-f]", upper);
        var braced = TestPods.Make(podUid: "{" + TestPods.PodUid + "}");
        Match($"Pod UID:{TestPods.PodUid}", braced);
        Match("Pod UID:r/^0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01$", braced);
    }

    [Fact]
    public void Numeric_Forms_Section63()
    {
        var three = TestPods.Make(restarts: 3);
        Match("Container Restarts:3", three);
        Match("Container Restarts:=3", three);
        Match("Container Restarts:==3.0", three);
        NoMatch("Container Restarts:2.5", three);
        Match("Container Restarts:>2.5", three);
        Match("Container Restarts:<4", three);
        NoMatch("Container Restarts:<3", three);
        Match("Container Restarts:<=3", three);
        Match("Container Restarts:>=3", three);
        NoMatch("Container Restarts:>3", three);
        Match("Container Restarts:2-4", three);
        NoMatch("Container Restarts:3-4", three);
        NoMatch("Container Restarts:2-3", three);
        Match("Container Restarts:-1-3.5", three);
        Match("Container Restarts:*", three);
        NoMatch("Container Restarts:-", three);
        Match("Container Restarts:1,3", three);
        NoMatch("Container Restarts:1,2", three);
    }

    [Fact]
    public void Numeric_ExitCodeList_AnyTerminatedInstance()
    {
        var mixed = TestPods.Make(terminated: [("app", 0, "Completed"), ("init", 2, "Error")]);
        var none = TestPods.Make();
        Match("Exit Code:0", mixed);
        Match("Exit Code:2", mixed);
        Match("Exit Code:1-3", mixed);
        NoMatch("Exit Code:>2", mixed);
        Match("Exit Code:*", mixed);
        NoMatch("Exit Code:-", mixed);
        NoMatch("Exit Code:0", none);
        NoMatch("Exit Code:<1000", none);
        NoMatch("Exit Code:*", none);
        Match("Exit Code:-", none);
    }

    [Fact]
    public void Date_Presence_NullStartedMatchesOnlyAbsent()
    {
        var unknown = TestPods.Make(noStarted: true);
        Match("Pod Started:-", unknown);
        NoMatch("Pod Started:*", unknown);
        foreach (var v in new[] { "<1d", ">1d", ">=0d", "0d", "1-1000000", "tr/0-99999999999999", "03/09/2022", "<12/31/9999", ">01/01/0000" })
        {
            NoMatch("Pod Started:" + v, unknown);
        }

        Match("Pod Started:*", TestPods.Make());
        NoMatch("Pod Started:-", TestPods.Make());
    }

    [Fact]
    public void Date_RelativeDays_InvertedOperators()
    {
        var dayAgo = ViewTime.AddDays(-1);
        var exactly = TestPods.Make(started: dayAgo);
        var older = TestPods.Make(started: dayAgo.AddSeconds(-1));
        var newer = TestPods.Make(started: dayAgo.AddSeconds(1));

        Assert.Equal([true, true, false], Evaluate(">1d", exactly, older, newer));
        Assert.Equal([false, true, false], Evaluate(">=1d", exactly, older, newer));
        Assert.Equal([true, false, true], Evaluate("<1d", exactly, older, newer));
        Assert.Equal([false, false, true], Evaluate("<=1d", exactly, older, newer));
        Assert.Equal([true, false, false], Evaluate("=1d", exactly, older, newer));
        Assert.Equal([true, false, false], Evaluate("==1", exactly, older, newer));
    }

    [Fact]
    public void Date_DayRange_BothBoundsExclusive()
    {
        Assert.Equal(
            [false, true, false, false],
            Evaluate(
                "1-3",
                TestPods.Make(started: ViewTime.AddDays(-1)),
                TestPods.Make(started: ViewTime.AddDays(-2)),
                TestPods.Make(started: ViewTime.AddDays(-3)),
                TestPods.Make(started: ViewTime.AddHours(-1))));
        Match("Pod Started:-2-0", TestPods.Make(started: ViewTime.AddDays(1)));
        NoMatch("Pod Started:-2-0", TestPods.Make(started: ViewTime.AddDays(-1)));
    }

    [Fact]
    public void Date_Instants_CompareWithTheInstant()
    {
        var noon = new DateTimeOffset(2022, 3, 9, 12, 0, 0, TimeSpan.Zero);
        var atNoon = TestPods.Make(started: noon);
        var afterNoon = TestPods.Make(started: noon.AddSeconds(1));
        var beforeNoon = TestPods.Make(started: noon.AddSeconds(-1));
        Assert.Equal([false, true, false], Evaluate(">03/09/2022 12:00 PM", atNoon, afterNoon, beforeNoon));
        Assert.Equal([true, true, false], Evaluate(">=03/09/2022 12:00 PM", atNoon, afterNoon, beforeNoon));
        Assert.Equal([false, false, true], Evaluate("<03/09/2022 12:00:00 PM", atNoon, afterNoon, beforeNoon));
        Assert.Equal([true, false, true], Evaluate("<=03/09/2022 12:00 PM UTC", atNoon, afterNoon, beforeNoon));
        Assert.Equal([true, false, false], Evaluate("=03/09/2022 12:00 PM", atNoon, afterNoon, beforeNoon));
        Assert.Equal([true, false, false], Evaluate("==03/09/2022 12:00 PM GMT", atNoon, afterNoon, beforeNoon));
    }

    [Fact]
    public void Date_WithTimeAndNoOperator_MatchesTwentyFourHoursFromIt()
    {
        Match("Pod Started:03/09/2022 6:00 PM", TestPods.Make(started: new DateTimeOffset(2022, 3, 10, 17, 59, 0, TimeSpan.Zero)));
        Match("Pod Started:03/09/2022 6:00 PM", TestPods.Make(started: new DateTimeOffset(2022, 3, 9, 18, 0, 0, TimeSpan.Zero)));
        NoMatch("Pod Started:03/09/2022 6:00 PM", TestPods.Make(started: new DateTimeOffset(2022, 3, 9, 12, 0, 0, TimeSpan.Zero)));
        NoMatch("Pod Started:03/09/2022 6:00 PM", TestPods.Make(started: new DateTimeOffset(2022, 3, 10, 18, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Date_SameCompiledQuery_BoundPerViewTime()
    {
        var query = Compile("Pod Started:<1d");
        Assert.True(query.DependsOnViewTime);
        var pod = TestPods.Make(started: ViewTime.AddHours(-2));
        Assert.True(query.Bind(ViewTime)(pod));
        Assert.False(query.Bind(ViewTime.AddDays(1))(pod));
        Assert.True(query.Bind(ViewTime)(pod));
        Assert.False(Compile("Pod Started:03/09/2022").DependsOnViewTime);
    }

    [Fact]
    public void Bool_Forms_Q22()
    {
        var deleted = TestPods.Make(deleted: true);
        var live = TestPods.Make(deleted: false);
        Assert.Equal(["a"], Select("Pod Deleted:t", TestPods.Make("a", deleted: true), TestPods.Make("b")));
        Match("Pod Deleted:1", deleted);
        NoMatch("Pod Deleted:true", live);
        Match("Pod Deleted:FALSE", live);
        Match("Pod Deleted:0", live);
        Match("Pod Deleted:*", live);
        Match("Pod Deleted:*", deleted);
        NoMatch("Pod Deleted:-", deleted);
        Match("Pod Deleted:true,false", live);
    }

    [Fact]
    public void Map_Forms_Section66()
    {
        var pod = TestPods.Make(labels: new() { ["app"] = "web", ["Application"] = "Storefront", ["tier"] = "front" });
        var empty = TestPods.Make(labels: []);
        Match("Pod Label:*", pod);
        NoMatch("Pod Label:*", empty);
        Match("Pod Label:-", empty);
        NoMatch("Pod Label:-", pod);
        Match("Pod Label:=", pod);
        NoMatch("Pod Label:=", empty);
        Match("Pod Label:app=", pod);
        NoMatch("Pod Label:ap=", pod);
        NoMatch("Pod Label:App=", TestPods.Make(labels: new() { ["app"] = "web" }));
        NoMatch("Pod Label:!app=", pod);
        Match("Pod Label:!db=", pod);
        Match("Pod Label:!db=", empty);
        Match("Pod Label:APPL", pod);
        Match("Pod Label:\"Application\"", pod);
        NoMatch("Pod Label:\"application\"", pod);
        NoMatch("Pod Label:app", empty);
        Match("Pod Label:app=WEB", pod);
        Match("Pod Label:app=store", pod);
        NoMatch("Pod Label:tier=web", pod);
        Match("Pod Label:=front", pod);
        NoMatch("Pod Label:=back", pod);
        Match("Pod Label:r/^tier$=r/^fr", pod);
        NoMatch("Pod Label:r/^tier$=r/^st", pod);
        Match("Pod Label:\"tier\"=\"front\"", pod);
        NoMatch("Pod Label:\"tier\"=\"Front\"", pod);
    }

    [Fact]
    public void Map_NegatedValue_IsPerEntry()
    {
        Match("Pod Label:app=!web", TestPods.Make(labels: new() { ["app"] = "api" }));
        NoMatch("Pod Label:app=!web", TestPods.Make(labels: new() { ["app"] = "web" }));
        Match("Pod Label:app=!web", TestPods.Make(labels: new() { ["app"] = "web", ["application"] = "api" }));
        NoMatch("Pod Label:app=!web", TestPods.Make(labels: new() { ["tier"] = "api" }));
        NoMatch("Pod Label:app=!web", TestPods.Make(labels: []));
        Match("Pod Label:=!web", TestPods.Make(labels: new() { ["app"] = "web", ["tier"] = "front" }));
        NoMatch("Pod Label:=!r/^web", TestPods.Make(labels: new() { ["app"] = "web" }));
    }

    [Fact]
    public void Map_DeploymentLabel_ReadsOwnerLabels()
    {
        var pod = TestPods.Make(labels: new() { ["pod-template-hash"] = "abc" }, ownerLabels: new() { ["team"] = "payments" });
        Match("Deployment Label:team=pay", pod);
        NoMatch("Deployment Label:pod-template-hash=", pod);
        Match("Pod Label:pod-template-hash=", pod);
    }

    [Fact]
    public void Map_OtherDictionaryTypes_SameResults()
    {
        IReadOnlyDictionary<string, string>[] maps =
        [
            new ReadOnlyDictionary<string, string>(new Dictionary<string, string> { ["app"] = "web" }),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["app"] = "web" },
            new SortedDictionary<string, string> { ["app"] = "web" },
        ];
        foreach (var map in maps)
        {
            var pod = new PodRecord(TestPods.Make().Pod, TestPods.Make().Attributes with { Labels = map });
            Match("Pod Label:app=", pod);
            NoMatch("Pod Label:APP=", pod);
            Match("Pod Label:app=w", pod);
            Match("Pod Label:!App=", pod);
        }
    }

    [Fact]
    public void List_ContainerName_AnyOrNone_Q26()
    {
        var pod = TestPods.Make(liveContainers: ["app", "log"], terminated: [("init", 0, "Completed")]);
        Match("Container Name:init", pod);
        Match("Container Name:LOG", pod);
        NoMatch("Container Name:!app", pod);
        Match("Container Name:!db", pod);
        NoMatch("Container Name:!\"log\"", pod);
        Match("Container Name:!\"lo\"", pod);
        NoMatch("Container Name:!r/^i", pod);
        Match("Container Name:r/^i", pod);
        Match("Container Name:*", pod);
        NoMatch("Container Name:-", pod);

        var bare = TestPods.Make(liveContainers: []);
        NoMatch("Container Name:app", bare);
        NoMatch("Container Name:r/.*", bare);
        NoMatch("Container Name:\"\"", bare);
        NoMatch("Container Name:*", bare);
        Match("Container Name:!app", bare);
        Match("Container Name:!r/.*", bare);
        Match("Container Name:-", bare);
    }

    [Fact]
    public void List_EmptyElementsOnly_AreAbsent()
    {
        var pod = TestPods.Make(liveContainers: ["app"], liveDigests: [""]);
        NoMatch("Container Image Digest:*", pod);
        Match("Container Image Digest:-", pod);
        Match("Container Image Digest:\"\"", pod);
    }

    [Fact]
    public void List_DigestImageAndReason_ReadTheirFields()
    {
        var pod = TestPods.Make(
            liveContainers: ["app"],
            liveDigests: ["sha256:5be1ecc7935f"],
            terminated: [("app", 137, "OOMKilled")],
            images: ["nginx:1.27", "docker.io/library/nginx@sha256:5be1"]);
        Match("Container Image Digest:sha256:5BE1", pod);
        NoMatch("Container Image Digest:sha256:6", pod);
        Match("Image:nginx", pod);
        Match("Image:docker.io/", pod);
        Match("Image:!\"nginx\"", pod);
        NoMatch("Image:!\"nginx:1.27\"", pod);
        Match("Termination Reason:oom", pod);
        NoMatch("Termination Reason:!OOMKilled", pod);
        Match("Termination Reason:!Error", TestPods.Make());
        Match("Image:nginx", new PodRecord(pod.Pod, pod.Attributes with { Images = new List<string> { "nginx:1" } }));
        Match("Image:nginx", new PodRecord(pod.Pod, pod.Attributes with { Images = new ReadOnlyCollection<string>(["nginx:1"]) }));
    }

    [Fact]
    public void Pairs_ValuesOredPairsAnded_Q24()
    {
        var pod = TestPods.Make("web", ns: "shop", restarts: 2);
        Match("Pod Name:api,web+Namespace:shop", pod);
        NoMatch("Pod Name:api,web+Namespace:pay", pod);
        Match("Pod Name:api,web+Namespace:pay,shop+Container Restarts:1,2", pod);
        NoMatch("Pod Name:api,web+Namespace:pay,shop+Container Restarts:1,3", pod);
        Match("Pod Name:web+Container Restarts:*+Pod Deleted:*", pod);
        NoMatch("Pod Name:web+Container Restarts:-", pod);
        Match("Pod Name:web+Pod Name:w+Pod Name:!api", pod);
    }

    private static bool[] Evaluate(string value, params PodRecord[] pods)
    {
        var filter = Compile("Pod Started:" + value).Bind(ViewTime);
        return pods.Select(filter).ToArray();
    }
}
