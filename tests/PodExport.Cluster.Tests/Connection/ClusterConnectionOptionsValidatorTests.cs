using PodExport.Cluster.Connection;

namespace PodExport.Cluster.Tests.Connection;

public sealed class ClusterConnectionOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new ClusterConnectionOptionsValidator().Validate(null, new ClusterConnectionOptions()).Succeeded);
    }

    [Fact]
    public void Validate_HostNotUrl_FailsNamingTheValue()
    {
        var result = new ClusterConnectionOptionsValidator().Validate(null, new ClusterConnectionOptions { Host = "localhost:8080" });

        Assert.True(result.Failed);
        Assert.Contains("Cluster:Host is \"localhost:8080\"", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadNamespace_Fails()
    {
        var options = new ClusterConnectionOptions();
        options.Namespaces.Add("Shop_1");

        Assert.True(new ClusterConnectionOptionsValidator().Validate(null, options).Failed);
    }
}
