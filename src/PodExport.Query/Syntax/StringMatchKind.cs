namespace PodExport.Query.Syntax;

/// <summary>How a string value compares (§6.1).</summary>
public enum StringMatchKind
{
    /// <summary>Plain value: the field starts with it, ignoring case.</summary>
    Prefix,

    /// <summary><c>"v"</c>: the field equals it, case-sensitive.</summary>
    Exact,

    /// <summary><c>r/p</c>: the field contains a match of the pattern, ignoring case.</summary>
    Regex,
}
