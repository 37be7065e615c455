using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class SmtpIdentityOptionsValidator : IValidateOptions<SmtpIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpIdentityOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(SmtpIdentityOptions.SectionName, options.Provider, SmtpIdentityOptions.Local),
            ProviderChoice.Required("SmtpIdentity:Region", options.Region));
}
