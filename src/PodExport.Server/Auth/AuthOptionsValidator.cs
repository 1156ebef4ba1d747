using System.Globalization;
using Microsoft.Extensions.Options;

namespace PodExport.Server.Auth;

/// <summary>Rules across settings: static tokens need their file (service.md S-1, S-6).</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        if (!Enum.IsDefined(options.Mode))
        {
            return ValidateOptionsResult.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{AuthOptions.ModeKey} is {options.Mode}; allowed: Kubernetes, StaticTokens, None."));
        }

        if (options.Mode == AuthMode.StaticTokens)
        {
            var file = options.StaticTokensFile;
            if (string.IsNullOrWhiteSpace(file))
            {
                return ValidateOptionsResult.Fail(
                    $"{AuthOptions.Section}:{nameof(AuthOptions.StaticTokensFile)} is not set; allowed: a readable file, required when {AuthOptions.ModeKey} is StaticTokens.");
            }

            if (!File.Exists(file))
            {
                return ValidateOptionsResult.Fail(
                    $"{AuthOptions.Section}:{nameof(AuthOptions.StaticTokensFile)} is {file}; allowed: an existing file.");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
