using CsCheck;
using PodExport.Model.Records;
using PodExport.Query.Catalog;
using PodExport.Query.Parsing;

namespace PodExport.Query.Tests.Fuzzing;

/// <summary>
/// The fuzz target of the query parser and compiler as a property test with a fixed budget, so it runs in CI:
/// inputs are corpus entries mutated by inserting, deleting, duplicating and splicing text and grammar tokens.
/// Whatever the input, parsing never throws, an error is one of the catalogue's with a position inside the text,
/// and what compiles evaluates against pods without throwing, including pathological regexes over long names.
/// </summary>
public sealed class QueryParserFuzzTests
{
    // Fixed seed and iteration count: the same inputs on every run, so a CI failure reproduces locally.
    private const string Seed = "0N0XIzNsQ0O2";
    private const int Iterations = 10_000;

    private static readonly IReadOnlyList<(string Name, string Text)> Corpus = FuzzCorpus.Load();

    private static readonly string[] Tokens =
    [
        .. LabelCatalog.Supported.Select(l => l.Name), ":", "+", ",", "\"", "!", "r/", "tr/", "*", "-", "=", " ", ">", ">=",
        "<", "<=", "==", "\\", "(", ")", "[", "]", "{", "}", "^", "$", ".*", "+?", "{1000}", "(?<n>", "\\p{L}", "\ud800",
        "\udc00", "😀", "\u0000", "\u202e", "é", "%", "\t", "\n", "1646784000000", "03/09/2022", " 1:30 PM", " UTC", "1d",
        "urn:uuid:", TestPods.DeploymentId, "true", "-1", "99999999999999999999", "1e308", ".", "a",
    ];

    private static readonly Gen<Mutation> OneMutation = Gen.Select(
        Gen.Int[0, 5], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, Tokens.Length - 1], Gen.Int[0, Math.Max(0, Corpus.Count - 1)],
        (kind, at, length, token, other) => new Mutation(kind, at, length, token, other));

    private static readonly Gen<string> Input = Gen.Select(
        Gen.Int[0, Math.Max(0, Corpus.Count - 1)],
        OneMutation.Array[0, 12],
        (start, mutations) => mutations.Aggregate(Corpus[start].Text, (text, m) => m.Apply(text)));

    // Names stay at the Kubernetes maximum (253): a counted repeat such as (.*a){1000} costs seconds per match
    // over a 5000-character value even with the non-backtracking engine, which the fixed budget cannot afford.
    private static readonly PodRecord[] Pods =
    [
        TestPods.Make(),
        TestPods.Make(new string('a', 252) + "!", ns: new string('a', 63), terminated: [("app", 137, "OOMKilled")], restarts: 4),
        TestPods.Make("api", noStarted: true, liveContainers: [], labels: [], ownerLabels: [], podUid: "", node: "", deleted: true),
    ];

    [Fact]
    public void Corpus_IsPresentAndSeedsTheSpecExamples()
    {
        Assert.True(Corpus.Count >= 50, $"{Corpus.Count} corpus files in {FuzzCorpus.Directory}");
        Assert.Contains(Corpus, c => c.Name.StartsWith("spec-", StringComparison.Ordinal));
        Assert.Contains(Corpus, c => c.Name.StartsWith("nasty-", StringComparison.Ordinal));
    }

    [Fact]
    public void TryCompile_EveryCorpusEntry_KeepsTheParserContract()
    {
        foreach (var (name, text) in Corpus)
        {
            var exception = Record.Exception(() => Check(text));
            Assert.True(exception is null, $"corpus entry {name}: {exception}");
        }
    }

    [Fact]
    public void TryCompile_MutatedCorpus_KeepsTheParserContract() =>
        Input.Sample(
            Check,
            seed: Seed,
            iter: Iterations,
            threads: 1,
            print: text => $"\"{text}\" ({text.Length} chars)");

    private static void Check(string text)
    {
        if (QueryCompiler.TryCompileUncached(text, out var query, out var error))
        {
            var filter = query.Bind(QueryAssert.ViewTime);
            foreach (var pod in Pods)
            {
                _ = filter(pod);
            }

            // What parses prints back to text that parses to the same tree.
            Assert.True(QueryParser.TryParse(query.Syntax.ToString(), out var again, out var againError), againError?.Message);
            Assert.Equal(query.Syntax, again);
        }
        else
        {
            Assert.StartsWith("invalid query: ", error.Message, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(error.Kind));
            Assert.InRange(error.Position, 1, Math.Max(1, text.Length));
        }
    }

    private sealed record Mutation(int Kind, double At, double Length, int Token, int Other)
    {
        public string Apply(string text)
        {
            var at = (int)(At * text.Length);
            var length = (int)(Length * Math.Min(64, text.Length - at));
            return Kind switch
            {
                0 or 1 => text.Insert(at, Tokens[Token]),
                2 => text.Remove(at, length),
                3 => text.Insert(at, text.Substring(at, length)),
                4 => text[..at] + Corpus[Other].Text[(int)(Length * Corpus[Other].Text.Length)..],
                _ => length == 0 ? text : text[..at] + Tokens[Token] + text[(at + length)..],
            };
        }
    }
}
