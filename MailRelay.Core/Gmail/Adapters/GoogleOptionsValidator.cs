using MailRelay.Core.Configuration;
using MailRelay.Core.Forwarding;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>
/// Demands a client and usable URLs only when Gmail delivery is chosen, so the local default
/// starts without any Google configuration.
/// </summary>
public sealed class GoogleOptionsValidator(IOptions<MailboxDeliveryOptions> delivery) : IValidateOptions<GoogleOptions>
{
    private const string When = $"{MailboxDeliveryOptions.SectionName}:Provider is {GoogleOptions.GmailProvider}";

    public ValidateOptionsResult Validate(string? name, GoogleOptions options)
    {
        if (!string.Equals(delivery.Value.Provider, GoogleOptions.GmailProvider, StringComparison.OrdinalIgnoreCase))
            return ValidateOptionsResult.Success;
        return ProviderChoice.ToResult(
            ProviderChoice.Required("Google:ClientId", options.ClientId, When),
            ProviderChoice.Required("Google:ClientSecret", options.ClientSecret, When),
            ProviderChoice.AbsoluteHttpUrl("Google:AuthorizationUrl", options.AuthorizationUrl),
            ProviderChoice.AbsoluteHttpUrl("Google:TokenUrl", options.TokenUrl),
            ProviderChoice.AbsoluteHttpUrl("Google:RevokeUrl", options.RevokeUrl),
            ProviderChoice.AbsoluteHttpUrl("Google:GmailApiBaseUrl", options.GmailApiBaseUrl),
            ProviderChoice.AbsoluteHttpUrl("Google:CertificatesUrl", options.CertificatesUrl),
            ProviderChoice.Required("Google:IdTokenIssuer", options.IdTokenIssuer),
            string.IsNullOrWhiteSpace(options.RedirectUri) ? null : ProviderChoice.AbsoluteHttpUrl("Google:RedirectUri", options.RedirectUri),
            options.RefreshTokenLifetime <= TimeSpan.Zero
                ? $"Google:RefreshTokenLifetime must be positive or empty (unknown), but is '{options.RefreshTokenLifetime}'." : null,
            options.RequestTimeout <= TimeSpan.Zero
                ? $"Google:RequestTimeout must be positive, but is '{options.RequestTimeout}'." : null);
    }
}
