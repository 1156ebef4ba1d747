using PodExport.Cluster.Informers;

namespace PodExport.Cluster.Tests.Informers;

public sealed class InformerOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new InformerOptionsValidator().Validate(null, new InformerOptions()).Succeeded);
    }

    [Fact]
    public void Validate_ZeroDegradedAfter_FailsNamingTheSettingAndValue()
    {
        var result = new InformerOptionsValidator().Validate(null, new InformerOptions { DegradedAfterSeconds = 0 });

        Assert.True(result.Failed);
        Assert.Contains("Informer:DegradedAfterSeconds is 0", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxWatchTimeoutBelowMin_Fails()
    {
        var result = new InformerOptionsValidator().Validate(null, new InformerOptions { MinWatchTimeoutSeconds = 300, MaxWatchTimeoutSeconds = 200 });

        Assert.True(result.Failed);
        Assert.Contains("MaxWatchTimeoutSeconds", result.FailureMessage, StringComparison.Ordinal);
    }
}
