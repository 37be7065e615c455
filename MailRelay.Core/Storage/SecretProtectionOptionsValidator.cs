using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Storage;

public sealed class SecretProtectionOptionsValidator : IValidateOptions<SecretProtectionOptions>
{
    private const string WhenKms = $"{SecretProtectionOptions.SectionName}:Provider is {SecretProtectionOptions.Kms}";

    public ValidateOptionsResult Validate(string? name, SecretProtectionOptions options) =>
        ProviderChoice.ToResult([
            ProviderChoice.UnknownProvider(SecretProtectionOptions.SectionName, options.Provider, SecretProtectionOptions.DataProtection, SecretProtectionOptions.Kms),
            ProviderChoice.Required("Secrets:KeysPath", options.KeysPath),
            KeyRingProblem(options),
            .. options.UsesKms
                ?
                [
                    ProviderChoice.Required("Secrets:KeyId", options.KeyId, WhenKms),
                    ProviderChoice.Required("Secrets:Region", options.Region, WhenKms),
                    string.IsNullOrEmpty(options.ServiceUrl) ? null : ProviderChoice.AbsoluteHttpUrl("Secrets:ServiceUrl", options.ServiceUrl),
                ]
                : Array.Empty<string?>(),
        ]);

    private static string? KeyRingProblem(SecretProtectionOptions options)
    {
        if (!new[] { SecretProtectionOptions.FolderKeyRing, SecretProtectionOptions.BlobStoreKeyRing }.Contains(options.KeyRing, StringComparer.OrdinalIgnoreCase))
            return $"Secrets:KeyRing '{options.KeyRing}' is not known; use one of: {SecretProtectionOptions.FolderKeyRing}, {SecretProtectionOptions.BlobStoreKeyRing}.";
        // The keys in the blob store are encrypted by the secret protector, which on DataProtection would need those very keys.
        return options.KeyRingInBlobStore && !options.UsesKms
            ? $"Secrets:KeyRing is {SecretProtectionOptions.BlobStoreKeyRing}, which needs Secrets:Provider {SecretProtectionOptions.Kms} to encrypt the keys (it is '{options.Provider}'); set Secrets:Provider to Kms or Secrets:KeyRing to {SecretProtectionOptions.FolderKeyRing}."
            : null;
    }
}
