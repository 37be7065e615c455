using System.Text;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Headers;
using MimeKit;
using MimeKit.Text;

namespace MailRelay.Core.Notifications.Adapters;

/// <summary>The <see cref="MimeMessage"/> both notification senders deliver: multipart/alternative, text then HTML.</summary>
internal static class NotificationMail
{
    public static MimeMessage Create(string from, EmailMessage message, DateTimeOffset date)
    {
        if (!MailAddresses.TryParseMailbox(message.To, out var to))
            throw new NotificationSendException($"'{message.To}' is not an email address; the email \"{message.Subject}\" was not sent.");
        var mail = new MimeMessage { Subject = message.Subject, Date = date };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(to);
        // Clients show the last alternative they can: the plain text comes first, so HTML wins where it can.
        mail.Body = new MultipartAlternative { Part(TextFormat.Plain, message.TextBody), Part(TextFormat.Html, message.HtmlBody) };
        return mail;
    }

    /// <summary>UTF-8 as quoted-printable: 7-bit safe for any server, and still readable in the raw file.</summary>
    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, content);
        return part;
    }
}
