namespace PodExport.Query.Syntax;

/// <summary>A boolean value: the field must equal it.</summary>
public sealed record BoolValue(bool Value) : ValueSyntax
{
    public override string ToString() => Value ? "true" : "false";
}
