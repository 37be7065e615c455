using MailRelay.Core.Inbound;

namespace MailRelay.Core.Notifications;

/// <summary>Writes the email for a <see cref="Notice"/>: subject, HTML and plain text. The web project renders Razor components.</summary>
public interface IEmailComposer
{
    /// <summary>The email for <paramref name="notice"/>, addressed to <see cref="Notice.To"/>, with every value HTML-encoded in the HTML part.</summary>
    Task<EmailMessage> ComposeAsync(Notice notice, CancellationToken cancellationToken);
}
