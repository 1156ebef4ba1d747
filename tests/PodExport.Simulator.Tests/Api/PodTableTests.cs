using PodExport.Simulator.Api;

namespace PodExport.Simulator.Tests.Api;

public class PodTableTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 120, "3h2m")]
    [InlineData(30 * 3600, "30h")]
    [InlineData(3 * 86400 + 3600, "3d1h")]
    [InlineData(100 * 86400, "100d")]
    [InlineData(3 * 365 * 86400 + 86400, "3y1d")]
    public void HumanDuration_MatchesKubectlAgeFormat(int seconds, string expected) =>
        Assert.Equal(expected, PodTable.HumanDuration(TimeSpan.FromSeconds(seconds)));
}
