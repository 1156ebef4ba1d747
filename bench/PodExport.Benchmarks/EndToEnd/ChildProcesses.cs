using System.Runtime.InteropServices;

namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// Every child still running, so that Ctrl-C, SIGTERM or an unhandled exit never leaves a simulator or gateway
/// behind. The first signal cancels the run (its <c>finally</c> blocks stop the children); a second kills them at once.
/// </summary>
public static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<ChildProcess> Live = [];
    private static int _signals;

    /// <summary>Hooks Ctrl-C, SIGTERM and process exit; returns the registrations to dispose at the end.</summary>
    public static IDisposable InstallHandlers(CancellationTokenSource run)
    {
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (Interlocked.Increment(ref _signals) == 1)
            {
                Console.Error.WriteLine("Stopping: cancelling the run and its processes (again to kill them at once).");
                run.Cancel();
            }
            else
            {
                KillAll();
                Environment.Exit(130);
            }
        }

        var registrations = new List<IDisposable>
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        };
        AppDomain.CurrentDomain.ProcessExit += OnExit;
        return new Registrations(registrations);
    }

    internal static void Track(ChildProcess child)
    {
        lock (Gate)
        {
            Live.Add(child);
        }
    }

    internal static void Untrack(ChildProcess child)
    {
        lock (Gate)
        {
            Live.Remove(child);
        }
    }

    public static void KillAll()
    {
        ChildProcess[] children;
        lock (Gate)
        {
            children = [.. Live];
        }

        foreach (var child in children)
        {
            child.Dispose();
        }
    }

    private static void OnExit(object? sender, EventArgs e) => KillAll();

    private sealed class Registrations(List<IDisposable> registrations) : IDisposable
    {
        public void Dispose()
        {
            AppDomain.CurrentDomain.ProcessExit -= OnExit;
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
