namespace PodExport.Server.Tests.EndToEnd.Testing;

/// <summary>Polls a condition that the asynchronous data path makes true soon, failing after a bounded wait.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string failure) =>
        await ValueAsync(async () => await condition() ? failure : null, failure);

    /// <summary>Polls until <paramref name="probe"/> returns non-null and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string failure)
        where T : class
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            try
            {
                await Task.Delay(Interval, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Within {Timeout.TotalSeconds} s: {failure}.");
            }
        }
    }
}
