namespace PodExport.Cluster.Informers;

public sealed partial class Reflector<T>
{
    /// <summary>State shared between the watch loop and its callbacks (idle timer, error callback).</summary>
    private sealed class WatchSession(TimeProvider time)
    {
        private int _stopped;
        private volatile bool _idleFired;
        private volatile Exception? _error;
        private long _lastLineTicks = time.GetUtcNow().UtcTicks;

        public bool IdleFired => _idleFired;

        public Exception? Error => _error;

        public DateTimeOffset LastLine => new(Interlocked.Read(ref _lastLineTicks), TimeSpan.Zero);

        public void Touch() => Interlocked.Exchange(ref _lastLineTicks, time.GetUtcNow().UtcTicks);

        public void Fail(Exception error) => Interlocked.CompareExchange(ref _error, error, null);

        public void Stop(CancellationTokenSource stop, bool idle)
        {
            if (Interlocked.Exchange(ref _stopped, 1) != 0)
            {
                return;
            }

            _idleFired = idle;
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The watch already finished and disposed its token source.
            }
        }
    }
}
