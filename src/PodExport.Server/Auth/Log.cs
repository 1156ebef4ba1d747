namespace PodExport.Server.Auth;

internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Authentication is off (Auth:Mode None): every caller may export the pods of every namespace")]
    public static partial void AuthDisabled(ILogger logger);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Authentication mode {Mode}")]
    public static partial void AuthMode(ILogger logger, AuthMode mode);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "TokenReview failed; the request gets 503")]
    public static partial void TokenReviewFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "SubjectAccessReview for user {User} in namespace '{Namespace}' failed; the request gets 503")]
    public static partial void AccessReviewFailed(ILogger logger, Exception exception, string user, string @namespace);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Static tokens loaded from {File}: {Count} tokens")]
    public static partial void StaticTokensLoaded(ILogger logger, string file, int count);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Error, Message = "Static tokens file {File} could not be read; keeping the last good set of {Count} tokens")]
    public static partial void StaticTokensInvalid(ILogger logger, Exception exception, string file, int count);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Debug, Message = "Token rejected: {Reason}")]
    public static partial void TokenRejected(ILogger logger, string reason);
}
