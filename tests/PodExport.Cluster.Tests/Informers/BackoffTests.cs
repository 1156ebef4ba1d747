using Microsoft.Extensions.Time.Testing;
using PodExport.Cluster.Informers;

namespace PodExport.Cluster.Tests.Informers;

public sealed class BackoffTests
{
    [Fact]
    public void Backoff_RepeatedFailures_DoublesFrom800msToCapWithJitter()
    {
        var time = new FakeTimeProvider();
        var backoff = new Backoff(BackoffPolicy.Default, time, new Random(7));
        double[] bases = [0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 30, 30];
        foreach (var expected in bases)
        {
            var delay = backoff.Next().TotalSeconds;
            Assert.InRange(delay, expected, 2 * expected);
            time.Advance(TimeSpan.FromSeconds(delay));
        }
    }

    [Fact]
    public void Backoff_TwoMinutesWithoutFailure_StartsOver()
    {
        var time = new FakeTimeProvider();
        var backoff = new Backoff(BackoffPolicy.Default, time, new Random(7));
        for (var i = 0; i < 5; i++)
        {
            backoff.Next();
        }

        time.Advance(TimeSpan.FromMinutes(2));

        Assert.InRange(backoff.Next().TotalSeconds, 0.8, 1.6);
    }

    [Fact]
    public void Backoff_FailuresCloserThanTwoMinutes_KeepGrowing()
    {
        var time = new FakeTimeProvider();
        var backoff = new Backoff(BackoffPolicy.Default, time, new Random(7));
        backoff.Next();
        time.Advance(TimeSpan.FromSeconds(119));

        Assert.InRange(backoff.Next().TotalSeconds, 1.6, 3.2);
    }
}
