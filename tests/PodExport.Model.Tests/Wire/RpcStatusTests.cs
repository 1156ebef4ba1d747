using PodExport.Model.Wire;

namespace PodExport.Model.Tests.Wire;

public sealed class RpcStatusTests
{
    [Theory]
    [InlineData(RpcCode.Ok, 200)]
    [InlineData(RpcCode.Canceled, 499)]
    [InlineData(RpcCode.Unknown, 500)]
    [InlineData(RpcCode.InvalidArgument, 400)]
    [InlineData(RpcCode.DeadlineExceeded, 504)]
    [InlineData(RpcCode.NotFound, 404)]
    [InlineData(RpcCode.AlreadyExists, 409)]
    [InlineData(RpcCode.PermissionDenied, 403)]
    [InlineData(RpcCode.ResourceExhausted, 429)]
    [InlineData(RpcCode.FailedPrecondition, 400)]
    [InlineData(RpcCode.Aborted, 409)]
    [InlineData(RpcCode.OutOfRange, 400)]
    [InlineData(RpcCode.Unimplemented, 501)]
    [InlineData(RpcCode.Internal, 500)]
    [InlineData(RpcCode.Unavailable, 503)]
    [InlineData(RpcCode.DataLoss, 500)]
    [InlineData(RpcCode.Unauthenticated, 401)]
    public void HttpStatus_Code_MatchesGrpcGatewayTable(RpcCode code, int expected)
    {
        Assert.Equal(expected, new RpcStatus(code, "m").HttpStatus);
    }

    [Fact]
    public void HttpStatus_UnknownCode_Is500()
    {
        Assert.Equal(500, new RpcStatus((RpcCode)99, "m").HttpStatus);
    }

    [Fact]
    public void RpcCode_Values_AreTheGrpcNumbers()
    {
        Assert.Equal(17, Enum.GetValues<RpcCode>().Length);
        Assert.Equal(Enumerable.Range(0, 17), Enum.GetValues<RpcCode>().Select(c => (int)c).Order());
        Assert.Equal(16, (int)RpcCode.Unauthenticated);
        Assert.Equal(4, (int)RpcCode.DeadlineExceeded);
    }
}
