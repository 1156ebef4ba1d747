namespace PodExport.Server.Auth;

/// <summary>The <c>--simulate</c> default of service.md S-2: <c>Auth:Mode</c> is <c>None</c> unless set.</summary>
public static class AuthDefaults
{
    /// <summary>Sets <c>Auth:Mode=None</c> when no configuration source set the mode; call it for <c>--simulate</c>.</summary>
    public static void UseNoAuthUnlessConfigured(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrEmpty(configuration[AuthOptions.ModeKey]))
        {
            configuration.AddInMemoryCollection([new(AuthOptions.ModeKey, nameof(AuthMode.None))]);
        }
    }
}
