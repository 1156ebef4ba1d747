using PodExport.Query.Catalog;
using PodExport.Query.Parsing;
using PodExport.Query.Syntax;

namespace PodExport.Query.Compilation;

/// <summary>
/// Syntax tree to predicate: one specialised predicate per (field, form), values ORed per pair and pairs ANDed
/// . The tree has been validated by the parser, so compiling never fails.
/// </summary>
internal static class PredicateCompiler
{
    public static PodPredicate Compile(QuerySyntax syntax, out bool timeDependent, out PodObjects reads) =>
        Compile(syntax.Pairs, out timeDependent, out reads);

    /// <summary>
    /// True for the fields every pod of one namespace shares: the namespace itself, and the cluster's name and id,
    /// which are settings of the gateway (pod-model.md §2) and so the same for every pod it holds.
    /// </summary>
    public static bool IsNamespaceConstant(PodField field) =>
        field is PodField.Namespace or PodField.Cluster or PodField.ClusterId;

    /// <summary>The AND of <paramref name="pairs"/> (true when there are none).</summary>
    public static PodPredicate Compile(IReadOnlyList<PairSyntax> pairs, out bool timeDependent, out PodObjects reads)
    {
        timeDependent = false;
        reads = PodObjects.None;
        var compiled = new PodPredicate[pairs.Count];
        for (var i = 0; i < compiled.Length; i++)
        {
            var pair = pairs[i];
            reads |= Reads(pair.Label.Field);
            var values = new PodPredicate[pair.Values.Count];
            for (var j = 0; j < values.Length; j++)
            {
                var value = pair.Values[j];
                timeDependent |= value is DateDaysAgoValue or DateDayRangeValue;
                values[j] = CompileValue(pair.Label, value);
            }

            compiled[i] = Combine.Any(values);
        }

        return Combine.All(compiled);
    }

    private static PodObjects Reads(PodField field) => field switch
    {
        PodField.PodName => PodObjects.Pod | PodObjects.Name,
        PodField.Namespace => PodObjects.Pod | PodObjects.Namespace,
        PodField.PodId or PodField.DeploymentId or PodField.ClusterId or PodField.PodStarted => PodObjects.Pod,
        PodField.PodLabel => PodObjects.Attributes | PodObjects.Labels,
        PodField.DeploymentLabel => PodObjects.Attributes | PodObjects.OwnerLabels,
        PodField.ContainerName => PodObjects.ContainerNames,
        PodField.ContainerImageDigest => PodObjects.LiveImageDigests,
        PodField.ExitCode => PodObjects.ExitCodes,
        PodField.TerminationReason => PodObjects.TerminationReasons,
        _ => PodObjects.Attributes,
    };

    private static PodPredicate CompileValue(QueryLabel label, ValueSyntax value) => label.Field switch
    {
        PodField.PodId => Uuid<PodIdField>(value),
        PodField.DeploymentId => Uuid<DeploymentIdField>(value),
        PodField.ClusterId => Uuid<ClusterIdField>(value),
        PodField.PodUid => Uuid<PodUidField>(value),
        PodField.PodName => Scalar<PodNameField>(value),
        PodField.Namespace => Scalar<NamespaceField>(value),
        PodField.Cluster => Scalar<ClusterField>(value),
        PodField.Deployment => Scalar<DeploymentField>(value),
        PodField.DeploymentType => Scalar<DeploymentTypeField>(value),
        PodField.Node => Scalar<NodeField>(value),
        PodField.ContainerImageDigest => List<ContainerImageDigestField>(value),
        PodField.ContainerName => List<ContainerNameField>(value),
        PodField.Image => List<ImageField>(value),
        PodField.TerminationReason => List<TerminationReasonField>(value),
        PodField.PodLabel => Map<PodLabelField>(value),
        PodField.DeploymentLabel => Map<DeploymentLabelField>(value),
        PodField.ExitCode => value is PresenceValue p ? new ExitCodePresencePredicate(p.Present) : new ExitCodePredicate(Interval(value)),
        PodField.ContainerRestarts => value is PresenceValue p
            ? (p.Present ? ConstantPredicate.True : ConstantPredicate.False)
            : new RestartCountPredicate(Interval(value)),
        PodField.PodStarted => DateCompiler.Compile(value),
        PodField.PodDeleted => value switch
        {
            PresenceValue p => p.Present ? ConstantPredicate.True : ConstantPredicate.False,
            _ => new DeletedPredicate(((BoolValue)value).Value),
        },
        _ => throw new InvalidOperationException($"No predicate for field {label.Field}."),
    };

    private static PodPredicate Scalar<TField>(ValueSyntax value)
        where TField : struct, IStringField => value switch
        {
            PresenceValue p => new StringFieldPredicate<TField>(NonEmptyMatcher.Instance, !p.Present),
            StringValue { Kind: StringMatchKind.Prefix } s => new StringPrefixPredicate<TField>(s.Text, s.Negated),
            StringValue s => new StringFieldPredicate<TField>(Matcher(s), s.Negated),
            _ => throw Unexpected(value),
        };

    private static StringFieldPredicate<TField> Uuid<TField>(ValueSyntax value)
        where TField : struct, IStringField => value switch
        {
            PresenceValue p => new StringFieldPredicate<TField>(NonEmptyMatcher.Instance, !p.Present),
            UuidValue u => new StringFieldPredicate<TField>(new UuidEqualsMatcher(u.Value), u.Negated),
            StringValue { Kind: StringMatchKind.Regex } s => new StringFieldPredicate<TField>(new UuidRegexMatcher(Regex(s)), s.Negated),
            _ => throw Unexpected(value),
        };

    private static StringListPredicate<TField> List<TField>(ValueSyntax value)
        where TField : struct, IStringListField => value switch
        {
            PresenceValue p => new StringListPredicate<TField>(NonEmptyMatcher.Instance, !p.Present),
            StringValue s => new StringListPredicate<TField>(Matcher(s), s.Negated),
            _ => throw Unexpected(value),
        };

    private static PodPredicate Map<TField>(ValueSyntax value)
        where TField : struct, IMapField => value switch
        {
            PresenceValue p => new MapNonEmptyPredicate<TField>(p.Present),
            MapHasKeyValue k => new MapHasKeyPredicate<TField>(k.Key, k.Negated),
            MapEntryValue { Key: null, Value: null } => new MapNonEmptyPredicate<TField>(true),
            MapEntryValue e => new MapEntryPredicate<TField>(
                e.Key is null ? null : Matcher(e.Key),
                e.Value is null ? null : (e.Value.Negated ? new NotMatcher(Matcher(e.Value)) : Matcher(e.Value))),
            _ => throw Unexpected(value),
        };

    /// <summary>The un-negated test of a string form; the caller applies negation where the rules say.</summary>
    private static StringMatcher Matcher(StringValue s) => s.Kind switch
    {
        StringMatchKind.Exact => new ExactMatcher(s.Text),
        StringMatchKind.Regex => new RegexMatcher(Regex(s)),
        _ => new PrefixMatcher(s.Text),
    };

    private static System.Text.RegularExpressions.Regex Regex(StringValue s)
    {
        if (s.CompiledRegex is { } regex)
        {
            return regex;
        }

        // Trees built in code (not parsed) carry no regex yet; the pattern must still be valid.
        return QueryRegex.TryCreate(s.Text, out regex, out var reason)
            ? regex
            : throw new ArgumentException($"Invalid regular expression \"{s.Text}\": {reason}", nameof(s));
    }

    private static NumberInterval Interval(ValueSyntax value) => value switch
    {
        NumericRangeValue r => new NumberInterval(r.Lower, false, r.Upper, false),
        NumericCompareValue c => c.Operator switch
        {
            ComparisonOperator.Less => new NumberInterval(double.NegativeInfinity, true, c.Number, false),
            ComparisonOperator.LessOrEqual => new NumberInterval(double.NegativeInfinity, true, c.Number, true),
            ComparisonOperator.Greater => new NumberInterval(c.Number, false, double.PositiveInfinity, true),
            ComparisonOperator.GreaterOrEqual => new NumberInterval(c.Number, true, double.PositiveInfinity, true),
            _ => new NumberInterval(c.Number, true, c.Number, true),
        },
        _ => throw Unexpected(value),
    };

    internal static InvalidOperationException Unexpected(ValueSyntax value) =>
        new($"Value {value} of type {value.GetType().Name} does not fit its label.");
}
