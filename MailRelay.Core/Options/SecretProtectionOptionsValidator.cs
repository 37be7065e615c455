using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class SecretProtectionOptionsValidator : IValidateOptions<SecretProtectionOptions>
{
    private const string WhenKms = $"{SecretProtectionOptions.SectionName}:Provider is {SecretProtectionOptions.Kms}";

    public ValidateOptionsResult Validate(string? name, SecretProtectionOptions options) =>
        ProviderChoice.ToResult([
            ProviderChoice.UnknownProvider(SecretProtectionOptions.SectionName, options.Provider, SecretProtectionOptions.DataProtection, SecretProtectionOptions.Kms),
            ProviderChoice.Required("Secrets:KeysPath", options.KeysPath),
            .. options.UsesKms
                ?
                [
                    ProviderChoice.Required("Secrets:KeyId", options.KeyId, WhenKms),
                    ProviderChoice.Required("Secrets:Region", options.Region, WhenKms),
                    string.IsNullOrEmpty(options.ServiceUrl) ? null : ProviderChoice.AbsoluteHttpUrl("Secrets:ServiceUrl", options.ServiceUrl),
                ]
                : Array.Empty<string?>(),
        ]);
}
