using MailRelay.Core.Inbound;
using MimeKit;

namespace MailRelay.Core.Notifications.Adapters;

/// <summary>
/// The embedded default: every email becomes one <c>.eml</c> file in the pickup folder
/// (<c>App_Data/outbox</c>), written by MimeKit as it would go over SMTP, so emails can be read on
/// the admin Outbox page without any mail server.
/// </summary>
public sealed class PickupNotificationSender(string folder, string from, TimeProvider time) : INotificationSender
{
    // CRLF, as on the wire: the file is exactly what an SMTP server would have received.
    private static readonly FormatOptions WireFormat = new() { NewLineFormat = NewLineFormat.Dos };

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = NotificationMail.Create(from, message, time.GetUtcNow());
        var name = $"{Guid.NewGuid():N}.eml";
        var partial = Path.Combine(folder, name + ".partial");
        try
        {
            Directory.CreateDirectory(folder);
            // Written under another name first, so the Outbox page never lists a half-written email.
            await mail.WriteToAsync(WireFormat, partial, cancellationToken);
            File.Move(partial, Path.Combine(folder, name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotificationSendException($"The email could not be written into the pickup folder {folder}: {SmtpNotificationSender.Describe(e)}.", e);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }
}
