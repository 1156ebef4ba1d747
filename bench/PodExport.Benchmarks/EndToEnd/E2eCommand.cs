namespace PodExport.Benchmarks.EndToEnd;

/// <summary>
/// <c>e2e</c>: starts the simulator and the gateway as separate processes, measures sync, churn, exports against
/// the floor and memory, writes the results file and prints it. Exit code 0 when every phase ran, 1 when the run
/// failed or was cut short (the file is still written, with <c>n/a</c> for what is missing), 2 for bad arguments.
/// </summary>
public static class E2eCommand
{
    public const string Name = "e2e";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(E2eOptions.Usage);
            return 0;
        }

        E2eOptions options;
        try
        {
            options = E2eOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var results = new E2eResults(options);
        var outPath = options.Out ?? Path.Combine(BuildLocator.RepositoryRoot(), "bench", "results", "latest.md");
        var exitCode = 0;
        using var cancel = new CancellationTokenSource();
        using (ChildProcesses.InstallHandlers(cancel))
        {
            var run = new E2eRun(options, results, TimeProvider.System);
            try
            {
                await run.ExecuteAsync(cancel.Token);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested || run.BudgetSpent)
            {
                results.Notes.Add(run.BudgetSpent
                    ? "The run's time budget was spent before every phase ran; the missing figures are n/a."
                    : "The run was cancelled; the missing figures are n/a.");
                exitCode = 1;
            }
            catch (Exception ex)
            {
                results.Notes.Add($"The run failed: {ex.GetType().Name}: {FirstLine(ex.Message)}");
                await Console.Error.WriteLineAsync(ex.ToString());
                exitCode = 1;
            }
            finally
            {
                run.Dispose();
                ChildProcesses.KillAll();
            }
        }

        results.Total = DateTimeOffset.UtcNow - results.StartedAt;
        var report = ResultsReport.Render(results);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outPath))!);
        await File.WriteAllTextAsync(outPath, report);
        Console.WriteLine(report);
        Console.WriteLine($"Written to {Path.GetFullPath(outPath)}");
        return exitCode;
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }
}
