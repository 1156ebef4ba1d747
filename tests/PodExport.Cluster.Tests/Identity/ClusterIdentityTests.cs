using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PodExport.Cluster.Identity;

namespace PodExport.Cluster.Tests.Identity;

public sealed class ClusterIdentityTests
{
    private static ClusterIdentity Create(string? id, string? name = null) =>
        new(Options.Create(new ClusterOptions { Id = id, Name = name }), NullLogger<ClusterIdentity>.Instance);

    [Fact]
    public void ClusterIdentity_IdSetUpperCase_IsLowercaseCanonical()
    {
        var identity = Create("6A4E1F0C-58D2-4C3B-9E7A-1D2C3B4A5F60");
        Assert.False(identity.NeedsKubeSystemUid);
        Assert.Equal("6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60", identity.Id);
        Assert.Equal("default", identity.Name);
    }

    [Fact]
    public void ClusterIdentity_IdUnset_TakesKubeSystemUid()
    {
        var identity = Create(null, "prod");
        Assert.True(identity.NeedsKubeSystemUid);
        Assert.Throws<InvalidOperationException>(() => identity.Id);
        identity.UseKubeSystemUid("11111111-2222-4333-8444-555555555555");
        Assert.Equal("11111111-2222-4333-8444-555555555555", identity.Id);
        Assert.Equal("prod", identity.Name);
    }

    [Fact]
    public void ClusterIdentity_IdSet_IgnoresKubeSystemUid()
    {
        var identity = Create("6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60");
        identity.UseKubeSystemUid("11111111-2222-4333-8444-555555555555");
        Assert.Equal("6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60", identity.Id);
    }

    [Theory]
    [InlineData("not-a-uuid", null)]
    [InlineData(null, "  ")]
    public void ClusterOptionsValidator_BadValues_Fail(string? id, string? name) =>
        Assert.True(new ClusterOptionsValidator().Validate(null, new ClusterOptions { Id = id, Name = name }).Failed);

    [Fact]
    public void ClusterOptionsValidator_Defaults_Succeed() =>
        Assert.True(new ClusterOptionsValidator().Validate(null, new ClusterOptions()).Succeeded);
}
