using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class SecretProtectionOptionsValidator : IValidateOptions<SecretProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretProtectionOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(SecretProtectionOptions.SectionName, options.Provider, SecretProtectionOptions.DataProtection),
            ProviderChoice.Required("Secrets:KeysPath", options.KeysPath));
}
