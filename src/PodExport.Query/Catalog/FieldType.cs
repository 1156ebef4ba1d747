namespace PodExport.Query.Catalog;

/// <summary>The value type of a query label (query-language §5.1, §6).</summary>
public enum FieldType
{
    String,
    Uuid,
    Numeric,
    Date,
    Bool,
    Map,
}
