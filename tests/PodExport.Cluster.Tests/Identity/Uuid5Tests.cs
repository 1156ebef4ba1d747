using PodExport.Cluster.Identity;

namespace PodExport.Cluster.Tests.Identity;

public sealed class Uuid5Tests
{
    [Theory]
    [InlineData("0b7c6e4e-2f1a-4d8e-9c3b-5a6d7e8f9a01", "f4e5a78e-313d-5ed6-943c-53b769776412")]
    [InlineData("0B7C6E4E-2F1A-4D8E-9C3B-5A6D7E8F9A01", "3ccc4f09-932d-509a-85f5-3c7a1619d4b2")]
    public void PodId_SpecExamples_MatchM3(string uid, string expected) => Assert.Equal(expected, Uuid5.PodId(uid));

    [Fact]
    public void CreateString_StaticPodsExample_MatchesM10() =>
        Assert.Equal("2a41c264-ee19-5b57-80c3-17abbcab0182", Uuid5.CreateString(new Guid("6a4e1f0c-58d2-4c3b-9e7a-1d2c3b4a5f60"), "kube-apiserver"));

    [Fact]
    public void Create_Rfc4122DnsExample_MatchesPythonUuid5()
    {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") from the Python documentation.
        Assert.Equal("886313e1-3b8a-5372-9b90-0c9aee199e5d", Uuid5.CreateString(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
    }
}
