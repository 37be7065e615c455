using MailRelay.Core.Configuration;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Forwarding;

public sealed class MailboxDeliveryOptionsValidator : IValidateOptions<MailboxDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, MailboxDeliveryOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(MailboxDeliveryOptions.SectionName, options.Provider, MailboxDeliveryOptions.LocalMailbox, MailboxDeliveryOptions.Gmail),
            ProviderChoice.Required("MailboxDelivery:FolderPath", options.FolderPath));
}
