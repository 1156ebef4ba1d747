using CsCheck;
using PodExport.Query.Catalog;
using PodExport.Query.Parsing;

namespace PodExport.Query.Tests.Syntax;

/// <summary>Property-based checks of the parser and printer (CsCheck).</summary>
public sealed class SyntaxPropertyTests
{
    private static readonly string[] Kinds =
    [
        QueryErrorKind.UnterminatedQuote, QueryErrorKind.NoColon, QueryErrorKind.NoLabel, QueryErrorKind.UnknownLabel,
        QueryErrorKind.NotAPodLabel, QueryErrorKind.EmptyValue, QueryErrorKind.BadUuid, QueryErrorKind.BadRegex,
        QueryErrorKind.BadNumber, QueryErrorKind.BadRange, QueryErrorKind.BadDate, QueryErrorKind.BadBool,
        QueryErrorKind.Modifier, QueryErrorKind.BadMap,
    ];

    private static readonly string[] Tokens =
    [
        .. LabelCatalog.Supported.Select(l => l.Name), "pod name", "Policy", "Image Tag", "Namspace", "Inactive Deployment",
        ":", ":", ":", "+", "+", ",", ",", "\"", "\"", "!", "!!", "r/", "*", "-", "=", " ", " ", "\t", "\n", ">", ">=", "<", "==",
        "tr/", "1646784000000", "d", "5", "-3", "1e3", ".5", "inf", "03/09/2022", " 1:30 PM", " UTC", " EST", "12:00:00.5 AM",
        "urn:uuid:", "{", "}", TestPods.DeploymentId, "5c1e2d3f4a5b4c6d8e7f9a0b1c2d3e4f", "true", "f", "app", "web",
        "(", ")", "[", "]", "\\", "^", "$", ".*", "(?=", "\\1", "{1000}", "a**", "é", "😀", "\ud800", "%", "_",
    ];

    private static readonly Gen<string> TokenQuery = Gen.OneOf(Tokens).Array[0, 40].Select(parts => string.Concat(parts));

    private static readonly string[] ValueTokens =
    [
        "web", "App", "=", "!", "!!", "r/", "*", "-", "\"x\"", "\"\"", ">", ">=", "<", "==", " ", "+", "tr/", "1646784000000", "d",
        "5", "-3", "1e3", ".5", "03/09/2022", " 1:30 PM", " UTC", "urn:uuid:", TestPods.DeploymentId, "true", "f", "0",
        "^", "$", ".*", "[0-9]", "(", ")", "\\d", "é", "%", "_",
    ];

    private static readonly Gen<string> Pair = Gen.Select(
        Gen.OneOf(LabelCatalog.Supported.Select(l => l.Name).ToArray()),
        Gen.Bool,
        Gen.OneOf(ValueTokens).Array[1, 4].Select(parts => string.Concat(parts)).Array[1, 3],
        (label, upper, values) => (upper ? label.ToUpperInvariant() : label) + ":" + string.Join(',', values));

    private static readonly Gen<string> PairQuery = Gen.Select(Pair.Array[1, 4], Gen.OneOf("+", " ", " + "), (pairs, separator) => string.Join(separator, pairs));

    private static readonly Gen<string> AnyText = Gen.Frequency(
        (6, PairQuery),
        (3, TokenQuery),
        (1, Gen.String[0, 4096]),
        (1, Gen.Char.Array[0, 64].Select(c => new string(c))),
        (1, TokenQuery.Array[1, 60].Select(parts => string.Concat(parts)).Select(s => s.Length > 4096 ? s[..4096] : s)));

    [Fact]
    public void TryCompile_AnyTextUpTo4KB_QueryOrOwnErrorNeverThrows()
    {
        var pods = new[]
        {
            TestPods.Make(),
            TestPods.Make("api", noStarted: true, liveContainers: [], labels: [], ownerLabels: [], podUid: "", node: ""),
            TestPods.Make("WEB-1", terminated: [("app", 137, "OOMKilled")], restarts: 4, deleted: true),
        };
        AnyText.Sample(
            text =>
            {
                if (QueryCompiler.TryCompileUncached(text, out var query, out var error))
                {
                    Assert.Null(error);
                    var filter = query.Bind(QueryAssert.ViewTime);
                    foreach (var pod in pods)
                    {
                        _ = filter(pod);
                    }

                    // Whatever parses prints back to text that parses to the same tree.
                    Assert.True(QueryParser.TryParse(query.Syntax.ToString(), out var again, out var againError), againError?.Message);
                    Assert.Equal(query.Syntax, again);
                }
                else
                {
                    Assert.Null(query);
                    Assert.Contains(error.Kind, Kinds);
                    Assert.StartsWith("invalid query: ", error.Message, StringComparison.Ordinal);
                    Assert.InRange(error.Position, 1, Math.Max(1, text.Length));
                }
            },
            iter: 5000,
            threads: 1,
            print: text => $"\"{text}\" ({text.Length} chars)");
    }

    [Fact]
    public void Print_GeneratedTree_ParsesBackToSameTree() =>
        SyntaxGenerators.Query.Sample(
            tree =>
            {
                var text = tree.ToString();
                Assert.True(QueryParser.TryParse(text, out var parsed, out var error), $"{text}: {error?.Message}");
                Assert.Equal(tree, parsed);
            },
            iter: 1500,
            threads: 1,
            print: tree => tree.ToString());

    [Fact]
    public void Print_GeneratedTree_CompilesAndEvaluates() =>
        SyntaxGenerators.Query.Sample(
            tree =>
            {
                Assert.True(QueryCompiler.TryCompileUncached(tree.ToString(), out var query, out var error), error?.Message);
                _ = query.Bind(QueryAssert.ViewTime)(TestPods.Make());
            },
            iter: 500,
            threads: 1,
            print: tree => tree.ToString());
}
