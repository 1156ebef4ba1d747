namespace PodExport.Query.Syntax;

/// <summary>
/// A map entry query of §6.6: some entry whose key matches <see cref="Key"/> (when given) and whose value matches
/// <see cref="Value"/> (when given). Both absent is <c>=</c>, "at least one entry"; a key alone is the <c>k</c> form.
/// </summary>
public sealed record MapEntryValue(StringValue? Key, StringValue? Value) : ValueSyntax
{
    internal override int RegexCount() => (Key?.RegexCount() ?? 0) + (Value?.RegexCount() ?? 0);

    public override string ToString() => (Key, Value) switch
    {
        (null, null) => "=",
        ({ } key, null) => key.ToString(),
        _ => Key + "=" + Value,
    };
}
