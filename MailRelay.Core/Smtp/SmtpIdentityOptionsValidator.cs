using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Smtp;

public sealed class SmtpIdentityOptionsValidator : IValidateOptions<SmtpIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpIdentityOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(SmtpIdentityOptions.SectionName, options.Provider, SmtpIdentityOptions.Local, SmtpIdentityOptions.Iam),
            ProviderChoice.Required("SmtpIdentity:Region", options.Region),
            string.IsNullOrEmpty(options.IamServiceUrl) ? null : ProviderChoice.AbsoluteHttpUrl("SmtpIdentity:IamServiceUrl", options.IamServiceUrl),
            options.SmtpEndpointPort is < 1 or > 65535 ? $"SmtpIdentity:SmtpEndpointPort must be a port number (1-65535), but is {options.SmtpEndpointPort}." : null,
            options.SmtpEndpointHost is { } host && (host.Contains("://", StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal))
                ? $"SmtpIdentity:SmtpEndpointHost must be a host name without scheme or port (set SmtpIdentity:SmtpEndpointPort for the port), but is '{host}'."
                : null,
            options.TestEmailTimeout <= TimeSpan.Zero ? $"SmtpIdentity:TestEmailTimeout must be positive, but is {options.TestEmailTimeout}." : null,
            // IAM credentials are real SES senders: without a domain no SMTP user could be given a From address.
            string.Equals(options.Provider, SmtpIdentityOptions.Iam, StringComparison.OrdinalIgnoreCase) && !options.SendingDomains.Any(d => !string.IsNullOrWhiteSpace(d))
                ? "SmtpIdentity:SendingDomains is required when SmtpIdentity:Provider is Iam: set at least one domain SMTP users may send from (SmtpIdentity:SendingDomains:0, in the environment SmtpIdentity__SendingDomains__0)."
                : null);
}
