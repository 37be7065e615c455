using Microsoft.Extensions.Options;

namespace MailRelay.Core.Options;

public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options) =>
        ProviderChoice.ToResult(
            ProviderChoice.UnknownProvider(NotificationOptions.SectionName, options.Provider, NotificationOptions.Pickup),
            ProviderChoice.Required("Notifications:PickupPath", options.PickupPath),
            ProviderChoice.Required("Notifications:From", options.From));
}
