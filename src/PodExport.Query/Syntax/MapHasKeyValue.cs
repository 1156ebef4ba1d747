namespace PodExport.Query.Syntax;

/// <summary><c>k=</c> (the map has the key exactly) or <c>!k=</c> (it does not), §6.6; the key is literal.</summary>
public sealed record MapHasKeyValue(string Key, bool Negated = false) : ValueSyntax
{
    public override string ToString() => (Negated ? "!" : "") + Key + "=";
}
