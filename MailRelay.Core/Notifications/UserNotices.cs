using MailRelay.Core.Audit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Notifications;

/// <summary>
/// Emails a user about their Gmail connection: composes the email for a <see cref="Notice"/>, sends
/// it and records that it went out. Logs say which notice went to whom, never the email's content.
/// </summary>
public sealed partial class UserNotices(
    IEmailComposer composer,
    INotificationSender sender,
    AuditLog audit,
    IOptions<NotificationOptions> options,
    ILogger<UserNotices> logger)
{
    /// <summary>The audit actor of emails MailRelay sends on its own.</summary>
    public const string Actor = "system";

    /// <summary>The link every notice carries: the My Gmail page under <c>Notifications:PublicBaseUrl</c>.</summary>
    public Uri ReconnectUrl => options.Value.ReconnectUrl();

    /// <summary>
    /// Sends the email for <paramref name="notice"/>. Throws <see cref="NotificationSendException"/>
    /// when it could not be handed over; then nothing is audited and the caller may try again.
    /// </summary>
    public async Task SendAsync(Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var message = await composer.ComposeAsync(notice, cancellationToken);
        try
        {
            await sender.SendAsync(message, cancellationToken);
        }
        catch (NotificationSendException e)
        {
            LogNotSent(logger, e, notice.Kind, notice.To, notice.GmailAddress);
            throw;
        }
        LogSent(logger, notice.Kind, notice.To, notice.GmailAddress);
        await audit.RecordAsync(Actor, AuditActions.NoticeSent, notice.To, notice.Kind.ToString(), cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "Sent the {NoticeKind} email to {Recipient} about Gmail {GmailAddress}")]
    private static partial void LogSent(ILogger logger, NoticeKind noticeKind, string recipient, string gmailAddress);

    [LoggerMessage(LogLevel.Error, "The {NoticeKind} email to {Recipient} about Gmail {GmailAddress} could not be sent")]
    private static partial void LogNotSent(ILogger logger, Exception exception, NoticeKind noticeKind, string recipient, string gmailAddress);
}
