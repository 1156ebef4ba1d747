using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PodExport.Cluster.Informers;

namespace PodExport.Cluster.Tests.Informers;

public sealed class ApiFailureTests
{
    [Fact]
    public void From_504WithTooLargeCause_IsTooLargeWithRetryAfter()
    {
        const string body = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Too large resource version: 90, current: 12","reason":"Timeout","details":{"causes":[{"reason":"ResourceVersionTooLarge","message":"Too large resource version"}],"retryAfterSeconds":1},"code":504}
            """;

        var failure = ApiFailure.From(Http(HttpStatusCode.GatewayTimeout, body, retryAfter: "1"));

        Assert.True(failure.TooLarge);
        Assert.Equal((504, "Timeout"), (failure.Code, failure.Reason));
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        Assert.False(failure.IsExpired);
    }

    [Fact]
    public void From_410WithHtmlBody_IsExpiredByStatusCode()
    {
        var failure = ApiFailure.From(Http(HttpStatusCode.Gone, "<html>gone</html>", retryAfter: null));

        Assert.True(failure.IsExpired);
        Assert.Null(failure.RetryAfter);
    }

    [Fact]
    public void From_ErrorEventWithGoneReason_IsExpired()
    {
        var failure = ApiFailure.From(new KubernetesException(new V1Status { Code = 410, Reason = "Gone", Message = "too old" }));

        Assert.True(failure.IsExpired);
    }

    [Fact]
    public void IsStreamEnd_ZeroEventCloseException_IsAStreamEnd()
    {
        // What KubernetesClient 21.0.8 throws for a 200 that closes without any event (kubernetes-api C.4).
        var zeroEventClose = new HttpRequestException("Error while copying content to a stream.", new EndOfStreamException());

        Assert.True(ApiFailure.IsStreamEnd(zeroEventClose));
        Assert.False(ApiFailure.From(zeroEventClose).Refused);
    }

    private static HttpOperationException Http(HttpStatusCode code, string body, string? retryAfter)
    {
        using var response = new HttpResponseMessage(code);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }

        return new HttpOperationException($"Operation returned an invalid status code '{code}'")
        {
            Response = new HttpResponseMessageWrapper(response, body),
        };
    }
}
