using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using MailRelay.Core.Domain;
using MailRelay.Core.Ports;

namespace MailRelay.Core.Adapters.Smtp;

/// <summary>The <see cref="MailMessage"/> both senders hand to <see cref="SmtpClient"/>: multipart/alternative, text then HTML.</summary>
internal static class NotificationMail
{
    public static MailMessage Create(string from, EmailMessage message)
    {
        if (!MailAddress.TryCreate(message.To, out var to))
            throw new NotificationSendException($"'{message.To}' is not an email address; the email \"{message.Subject}\" was not sent.");
        var mail = new MailMessage(new MailAddress(from), to)
        {
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        // Clients show the last alternative they can: the plain text comes first, so HTML wins where it can.
        mail.AlternateViews.Add(View(message.TextBody, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(View(message.HtmlBody, MediaTypeNames.Text.Html));
        return mail;
    }

    /// <summary>UTF-8 as quoted-printable: 7-bit safe for any server, and still readable in the raw file.</summary>
    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }
}
