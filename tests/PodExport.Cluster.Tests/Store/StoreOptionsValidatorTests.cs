using PodExport.Cluster.Store;

namespace PodExport.Cluster.Tests.Store;

public sealed class StoreOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new StoreOptions();

        Assert.True(new StoreOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal((10, 3600, 10000), (options.TerminatedInstancesPerContainer, options.DeletedPodRetentionSeconds, options.MaxRetainedDeletedPods));
        Assert.True(options.RetentionEnabled);
    }

    [Theory]
    [InlineData(0, 3600, 10000, "Store:TerminatedInstancesPerContainer is 0")]
    [InlineData(1001, 3600, 10000, "Store:TerminatedInstancesPerContainer is 1001")]
    [InlineData(10, -1, 10000, "Store:DeletedPodRetentionSeconds is -1")]
    [InlineData(10, 3600, -5, "Store:MaxRetainedDeletedPods is -5")]
    public void Validate_OutOfRange_FailsNamingSettingAndValue(int perContainer, int retention, int max, string message)
    {
        var result = new StoreOptionsValidator().Validate(null, new StoreOptions
        {
            TerminatedInstancesPerContainer = perContainer,
            DeletedPodRetentionSeconds = retention,
            MaxRetainedDeletedPods = max,
        });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }
}
