using System.Net.Mail;
using MailRelay.Core.Adapters.Smtp;
using MailRelay.Core.Domain;
using MailRelay.Core.Ports;

namespace MailRelay.Core.Adapters.Local;

/// <summary>
/// The embedded default: every email becomes one <c>.eml</c> file in the pickup folder
/// (<c>App_Data/outbox</c>), written by <see cref="SmtpClient"/>'s pickup-directory mode, so
/// emails can be read on the admin Outbox page without any mail server.
/// </summary>
public sealed class PickupNotificationSender(string folder, string from) : INotificationSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = NotificationMail.Create(from, message);
        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = folder,
        };
        try
        {
            Directory.CreateDirectory(folder);
            await client.SendMailAsync(mail, cancellationToken);
        }
        catch (Exception e) when (e is SmtpException or IOException or UnauthorizedAccessException)
        {
            throw new NotificationSendException($"The email could not be written into the pickup folder {folder}: {SmtpNotificationSender.Describe(e)}.", e);
        }
    }
}
