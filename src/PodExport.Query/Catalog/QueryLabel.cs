namespace PodExport.Query.Catalog;

/// <summary>
/// One supported label of query-language §5.1. The catalog holds exactly one instance per label, so reference
/// equality is label equality.
/// </summary>
public sealed class QueryLabel
{
    internal QueryLabel(string name, FieldType type, PodField field, bool isList = false)
    {
        Name = name;
        Type = type;
        Field = field;
        IsList = isList;
    }

    /// <summary>The catalog spelling, e.g. <c>Pod Name</c>.</summary>
    public string Name { get; }

    public FieldType Type { get; }

    public PodField Field { get; }

    /// <summary>True for fields holding one value per container instance .</summary>
    public bool IsList { get; }

    /// <summary>The type as error messages name it: <c>string</c>, <c>uuid</c>, <c>numeric</c>, …</summary>
    public string TypeName => Type switch
    {
        FieldType.String => "string",
        FieldType.Uuid => "uuid",
        FieldType.Numeric => "numeric",
        FieldType.Date => "date",
        FieldType.Bool => "bool",
        _ => "map",
    };

    public override string ToString() => Name;
}
