namespace PodExport.Query.Syntax;

/// <summary><c>*</c> (the field is present) or <c>-</c> (it is absent), §6.</summary>
public sealed record PresenceValue(bool Present) : ValueSyntax
{
    public override string ToString() => Present ? "*" : "-";
}
