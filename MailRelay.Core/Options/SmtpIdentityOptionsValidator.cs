using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class SmtpIdentityOptionsValidator : IValidateOptions<SmtpIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpIdentityOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(SmtpIdentityOptions.SectionName, options.Provider, SmtpIdentityOptions.Local, SmtpIdentityOptions.Iam),
            ProviderChoice.Required("SmtpIdentity:Region", options.Region),
            string.IsNullOrEmpty(options.IamServiceUrl) ? null : ProviderChoice.AbsoluteHttpUrl("SmtpIdentity:IamServiceUrl", options.IamServiceUrl));
}
