using PodExport.Model.Wire;
using PodExport.Server.Export;
using PodExport.Server.Options;

namespace PodExport.Server.Tests.Export;

public sealed class ExportConcurrencyLimiterTests
{
    private readonly ExportConcurrencyLimiter _limiter = new();
    private readonly ExportOptions _options = new() { MaxConcurrentExports = 3, MaxConcurrentExportsPerCaller = 2 };

    [Fact]
    public void TryAcquire_PerCallerLimit_RejectsThatCallerOnly()
    {
        var alice = new ExportCaller("alice");
        using var first = _limiter.TryAcquire(alice, _options, out _);
        using var second = _limiter.TryAcquire(alice, _options, out _);
        Assert.NotNull(first);
        Assert.NotNull(second);

        Assert.Null(_limiter.TryAcquire(alice, _options, out var rejection));
        Assert.Equal(RpcCode.ResourceExhausted, rejection?.Code);
        using var bob = _limiter.TryAcquire(new ExportCaller("bob"), _options, out _);
        Assert.NotNull(bob);
    }

    [Fact]
    public void TryAcquire_GlobalLimit_RejectsEveryone()
    {
        var leases = Enumerable.Range(0, 3).Select(i => _limiter.TryAcquire(new ExportCaller($"u{i}"), _options, out _)).ToList();
        Assert.All(leases, Assert.NotNull);

        Assert.Null(_limiter.TryAcquire(new ExportCaller("late"), _options, out var rejection));
        Assert.Equal(ExportErrors.TooManyExports, rejection);

        leases[0]!.Dispose();
        leases[0]!.Dispose(); // a second dispose must not free a second slot
        Assert.Equal(2, _limiter.Running);
        using var late = _limiter.TryAcquire(new ExportCaller("late"), _options, out _);
        Assert.NotNull(late);
        Assert.Null(_limiter.TryAcquire(new ExportCaller("later"), _options, out _));
    }

    [Fact]
    public void TryAcquire_Anonymous_OnlyTheGlobalLimitApplies()
    {
        var leases = Enumerable.Range(0, 3).Select(i => _limiter.TryAcquire(ExportCaller.Anonymous, _options, out _)).ToList();

        Assert.All(leases, Assert.NotNull);
        Assert.Null(_limiter.TryAcquire(ExportCaller.Anonymous, _options, out var rejection));
        Assert.Equal(ExportErrors.TooManyExports, rejection);
    }
}
