using MailRelay.Core.Configuration;
using MailRelay.Core.Inbound.Headers;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Notifications;

public sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    private const string WhenSmtp = $"{NotificationOptions.SectionName}:Provider is {NotificationOptions.SmtpProvider}";

    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var smtp = options.Smtp;
        return ProviderChoice.ToResult([
            ProviderChoice.UnknownProvider(NotificationOptions.SectionName, options.Provider, NotificationOptions.Pickup, NotificationOptions.SmtpProvider),
            // The Outbox page reads the pickup folder whichever provider sends.
            ProviderChoice.Required("Notifications:PickupPath", options.PickupPath),
            ProviderChoice.Required("Notifications:From", options.From) ?? FromAddress(options.From),
            ProviderChoice.AbsoluteHttpUrl("Notifications:PublicBaseUrl", options.PublicBaseUrl),
            .. options.UsesSmtp ? SmtpFailures(smtp) : [],
        ]);
    }

    private static string?[] SmtpFailures(SmtpNotificationOptions smtp) =>
    [
        ProviderChoice.Required("Notifications:Smtp:Host", smtp.Host, WhenSmtp),
        ProviderChoice.Required("Notifications:Smtp:Username", smtp.Username, WhenSmtp),
        ProviderChoice.Required("Notifications:Smtp:Password", smtp.Password, WhenSmtp),
        smtp.Port is < 1 or > 65535 ? $"Notifications:Smtp:Port must be between 1 and 65535, but is {smtp.Port}." : null,
        smtp.Timeout <= TimeSpan.Zero ? $"Notifications:Smtp:Timeout must be positive, but is '{smtp.Timeout}'." : null,
    ];

    private static string? FromAddress(string from) =>
        MailAddresses.TryParseMailbox(from, out _)
            ? null
            : $"Notifications:From must be an email address such as 'MailRelay <mailrelay@example.com>', but is '{from}'.";
}
