using MailRelay.Core.Inbound;

namespace MailRelay.Core.Notifications;

/// <summary>
/// Sends emails to users and admins. Local: <c>.eml</c> files in a pickup folder (the admin Outbox
/// page shows them); production: SMTP to the SES SMTP endpoint.
/// </summary>
public interface INotificationSender
{
    /// <summary>
    /// Hands the message over for delivery. Throws <see cref="NotificationSendException"/> when it
    /// could not be handed over (nothing was sent then).
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
