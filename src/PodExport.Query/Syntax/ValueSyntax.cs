namespace PodExport.Query.Syntax;

/// <summary>One value of a pair, already interpreted for its label's field type (query-language §6).</summary>
public abstract record ValueSyntax
{
    /// <summary>The value as query text.</summary>
    public abstract override string ToString();

    /// <summary>How many regexes the value holds (they weigh more in the compiled-query cache).</summary>
    internal virtual int RegexCount() => 0;
}
