using PodExport.Cluster.Pods;

namespace PodExport.Cluster.Tests.Pods;

public sealed class InternPoolTests
{
    [Fact]
    public void Intern_EqualValues_ReturnsTheFirstInstance()
    {
        var pool = new InternPool<string>(StringComparer.Ordinal, 16);
        var first = new string('a', 3);

        Assert.Same(first, pool.Intern(first));
        Assert.Same(first, pool.Intern(new string('a', 3)));
    }

    [Fact]
    public void Intern_WithCopy_KeepsTheCopyNotTheProbe()
    {
        var pool = new InternPool<string>(StringComparer.Ordinal, 16);
        var probe = new string('b', 2);
        var copy = new string('b', 2);

        Assert.Same(copy, pool.Intern(probe, _ => copy));
        Assert.Same(copy, pool.Intern(new string('b', 2), _ => throw new InvalidOperationException("no copy for a known value")));
    }

    [Fact]
    public void Intern_ValueUsedEachGeneration_StaysShared()
    {
        var pool = new InternPool<string>(StringComparer.Ordinal, 2);
        var kept = new string('k', 1);
        pool.Intern(kept);

        for (var i = 0; i < 10; i++)
        {
            pool.Intern($"v{i}");
            Assert.Same(kept, pool.Intern(new string('k', 1)));
        }
    }

    [Fact]
    public void Intern_ValueUnusedForTwoGenerations_Forgotten()
    {
        var pool = new InternPool<string>(StringComparer.Ordinal, 2);
        var old = new string('o', 1);
        pool.Intern(old);

        for (var i = 0; i < 4; i++)
        {
            pool.Intern($"v{i}");
        }

        Assert.NotSame(old, pool.Intern(new string('o', 1)));
        Assert.True(pool.Count <= 4);
    }
}
