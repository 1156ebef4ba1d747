using Microsoft.AspNetCore.Http;
using Moq;
using PodExport.Server.Export;

namespace PodExport.Server.Tests.Testing;

internal static class TestAccess
{
    /// <summary>An access seam that authenticates everyone as <paramref name="caller"/> and answers with <paramref name="authorization"/>.</summary>
    public static IExportAccess Fixed(string caller, AuthorizationResult authorization)
    {
        var access = new Mock<IExportAccess>();
        access.Setup(a => a.AuthenticateAsync(It.IsAny<HttpContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(AuthenticationResult.Success(new ExportCaller(caller)));
        access.Setup(a => a.AuthorizeAsync(It.IsAny<HttpContext>(), It.IsAny<ExportCaller>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(authorization);
        return access.Object;
    }
}
