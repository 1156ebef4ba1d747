using PodExport.Cluster.Connection;

namespace PodExport.Cluster.Tests.Connection;

public sealed class ClusterOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new ClusterOptionsValidator().Validate(null, new ClusterOptions()).Succeeded);
    }

    [Fact]
    public void Validate_IdNotUuid_FailsNamingTheValue()
    {
        var result = new ClusterOptionsValidator().Validate(null, new ClusterOptions { Id = "prod-1" });

        Assert.True(result.Failed);
        Assert.Contains("Cluster:Id is \"prod-1\"", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadNamespace_Fails()
    {
        var options = new ClusterOptions();
        options.Namespaces.Add("Shop_1");

        Assert.True(new ClusterOptionsValidator().Validate(null, options).Failed);
    }
}
