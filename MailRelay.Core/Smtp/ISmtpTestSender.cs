namespace MailRelay.Core.Smtp;

/// <summary>
/// Sends one message through an SMTP server with a given login, the way a mail client would
/// (STARTTLS, then AUTH), and reports what the server answered. Failures are answers, not
/// exceptions: the admin who asked wants to read them. The password is never logged or returned.
/// </summary>
public interface ISmtpTestSender
{
    Task<SmtpTestOutcome> SendAsync(SmtpTestRequest request, CancellationToken cancellationToken);
}
