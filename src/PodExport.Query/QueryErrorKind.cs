namespace PodExport.Query;

/// <summary>The error kinds of query-language §8.</summary>
public static class QueryErrorKind
{
    public const string UnterminatedQuote = "E_UNTERMINATED_QUOTE";
    public const string NoColon = "E_NO_COLON";
    public const string NoLabel = "E_NO_LABEL";
    public const string UnknownLabel = "E_UNKNOWN_LABEL";
    public const string NotAPodLabel = "E_NOT_A_POD_LABEL";
    public const string EmptyValue = "E_EMPTY_VALUE";
    public const string BadUuid = "E_BAD_UUID";
    public const string BadRegex = "E_BAD_REGEX";
    public const string BadNumber = "E_BAD_NUMBER";
    public const string BadRange = "E_BAD_RANGE";
    public const string BadDate = "E_BAD_DATE";
    public const string BadBool = "E_BAD_BOOL";
    public const string Modifier = "E_MODIFIER";
    public const string BadMap = "E_BAD_MAP";
}
