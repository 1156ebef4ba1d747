namespace PodExport.Cluster.Informers;

/// <summary>How a watch ended; each maps to one row of kubernetes-api B.6.</summary>
public enum WatchEnding
{
    /// <summary>The server ended the body cleanly before the watch's timeoutSeconds.</summary>
    Closed,

    /// <summary>The server ended the body cleanly once timeoutSeconds had elapsed.</summary>
    Timeout,

    /// <summary>The connection broke mid-stream (a reset counts as EOF).</summary>
    Reset,

    /// <summary>Closed or reset within 1 s without a single event (client-go VeryShortWatchError).</summary>
    TooShort,

    /// <summary>ERROR event or HTTP status 410 Expired/Gone.</summary>
    Expired,

    /// <summary>The request was refused (connection refused) or answered 429.</summary>
    Refused,

    /// <summary>ERROR event or HTTP status 500 InternalError.</summary>
    InternalError,

    /// <summary>Any other HTTP status or Status, or an ERROR event without a Status.</summary>
    UnexpectedStatus,

    /// <summary>No line within the idle limit, or past the deadline timeoutSeconds + slack.</summary>
    Idle,

    /// <summary>An undecodable line.</summary>
    Decode,
}
