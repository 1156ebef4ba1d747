namespace PodExport.Simulator.Faults;

/// <summary>The injectable faults (kubernetes-api D.1 items 23–29 and 33).</summary>
public enum FaultKind
{
    /// <summary>Answer with an HTTP error and a Status body: 401, 403, 410, 429 (with Retry-After), 500, 503, 504.</summary>
    HttpStatus,

    /// <summary>Watch: after <c>AfterEvents</c> events, an ERROR 410 Expired line, then close.</summary>
    WatchExpired,

    /// <summary>Watch: after <c>AfterEvents</c> events, an ERROR 500 InternalError line, then close.</summary>
    WatchInternalError,

    /// <summary>Reset the connection before any byte of the response.</summary>
    AbortBeforeFirstByte,

    /// <summary>Watch: reset the connection after <c>AfterEvents</c> events.</summary>
    AbortAfterEvents,

    /// <summary>Watch: after <c>AfterEvents</c> events, send half of the next line, then reset.</summary>
    AbortMidLine,

    /// <summary>Watch: 200 and headers, then a clean end with no event at all.</summary>
    CloseWithZeroEvents,

    /// <summary>Watch: a clean end after <c>AfterEvents</c> events.</summary>
    CloseAfterEvents,

    /// <summary>Watch: after <c>AfterEvents</c> events, send nothing more (no bookmarks) until the client goes away.</summary>
    StallAfterEvents,

    /// <summary>Watch: headers at once, the first event only after <c>Delay</c> (virtual time). Other requests: delay the answer.</summary>
    Delay,

    /// <summary>Watch: after <c>AfterEvents</c> events, the next event is sent one byte per flush (<c>Delay</c> apart).</summary>
    TrickleEvent,

    /// <summary>Watch: hold events until <c>BurstSize</c> are ready, then send them in one flush.</summary>
    Burst,

    /// <summary>Watch: after <c>AfterEvents</c> events, one line that is not JSON.</summary>
    MalformedLine,

    /// <summary>Watch: after <c>AfterEvents</c> events, one blank line.</summary>
    BlankLine,

    /// <summary>Watch: after <c>AfterEvents</c> events, the next event pretty-printed over several lines.</summary>
    PrettyEvent,
}
