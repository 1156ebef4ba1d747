using Microsoft.Extensions.Time.Testing;
using PodExport.Model.Wire;
using PodExport.Server.Export;

namespace PodExport.Server.Tests.Export;

public sealed class ExportDeadlineTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(30, 600, 30, "context deadline exceeded: export did not finish within 30s (timeout parameter)")]
    [InlineData(600, 600, 600, "context deadline exceeded: export did not finish within 600s (timeout parameter)")]
    [InlineData(900, 600, 600, "context deadline exceeded: export did not finish within 600s (server maximum)")]
    [InlineData(0, 600, 600, "context deadline exceeded: export did not finish within 600s (server maximum)")]
    [InlineData(45, 0, 45, "context deadline exceeded: export did not finish within 45s (timeout parameter)")]
    public void Start_ClientAndServerLimits_UsesTheSmallerAndNamesIt(int timeout, int maximum, int expires, string message)
    {
        using var deadline = ExportDeadline.Start(timeout, maximum, _time);
        Assert.Equal(new RpcStatus(RpcCode.DeadlineExceeded, message), deadline.Status);

        _time.Advance(TimeSpan.FromSeconds(expires) - TimeSpan.FromMilliseconds(1));
        Assert.False(deadline.Token.IsCancellationRequested);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void Start_NoTimeoutAndNoMaximum_NeverExpires()
    {
        using var deadline = ExportDeadline.Start(0, 0, _time);
        _time.Advance(TimeSpan.FromDays(1));
        Assert.False(deadline.Token.CanBeCanceled);
        Assert.Null(deadline.Status);
    }
}
