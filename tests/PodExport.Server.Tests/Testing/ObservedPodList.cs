using System.Collections;
using PodExport.Model.Records;

namespace PodExport.Server.Tests.Testing;

/// <summary>
/// A snapshot's pod list that tells the test which pods the server has read, and can hold the server at one index
/// until the test lets it go.
/// </summary>
internal sealed class ObservedPodList(IReadOnlyList<PodRecord> pods) : IReadOnlyList<PodRecord>
{
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(10);
    private readonly ManualResetEventSlim _gate = new(false);
    private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _blockAt = -1;
    private int _throwAt = -1;
    private int _highest = -1;
    private int _reads;

    public int Count => pods.Count;

    /// <summary>The highest index read so far, -1 before any.</summary>
    public int Highest => Volatile.Read(ref _highest);

    public int Reads => Volatile.Read(ref _reads);

    /// <summary>Completes when the server reaches the blocking index.</summary>
    public Task Blocked => _blocked.Task;

    public PodRecord this[int index]
    {
        get
        {
            Interlocked.Increment(ref _reads);
            InterlockedMax(ref _highest, index);
            if (index == Volatile.Read(ref _blockAt))
            {
                _blocked.TrySetResult();
                if (!_gate.Wait(GateTimeout))
                {
                    throw new TimeoutException("the test never released the pod list");
                }
            }

            if (index == Volatile.Read(ref _throwAt))
            {
                throw new InvalidOperationException("the pod list failed on purpose");
            }

            return pods[index];
        }
    }

    /// <summary>Reading this index blocks (a thread) until <see cref="Release"/>.</summary>
    public void BlockAt(int index) => Volatile.Write(ref _blockAt, index);

    public void Release() => _gate.Set();

    /// <summary>Reading this index throws, as a bug in the store would.</summary>
    public void ThrowAt(int index) => Volatile.Write(ref _throwAt, index);

    public IEnumerator<PodRecord> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
