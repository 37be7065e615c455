using System.Net.Mail;
using System.Security.Authentication;
using MailRelay.Core.Domain;
using MailRelay.Core.Options;
using MailRelay.Core.Ports;

namespace MailRelay.Core.Adapters.Smtp;

/// <summary>
/// Sends each email to an SMTP server (<c>Notifications:Provider</c> = <c>Smtp</c>; the SES SMTP
/// endpoint in production) with STARTTLS and AUTH, one connection per email — notifications are
/// few, and a fresh connection never trips over a server's idle timeout.
/// </summary>
/// <remarks>
/// <see cref="SmtpClient"/> checks the server certificate only through the process-wide
/// <see cref="ServicePointManager.ServerCertificateValidationCallback"/>; it has no per-client hook.
/// MailRelay never sets that callback, so the certificate is always checked against the system's
/// trust store, and there is deliberately no setting to switch the check off. (The SMTP test pins
/// its own self-signed certificate there, for the duration of the test only.)
/// </remarks>
public sealed class SmtpNotificationSender(SmtpNotificationOptions smtp, string from) : INotificationSender
{
    private string Server => $"{smtp.Host}:{smtp.Port}";

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = NotificationMail.Create(from, message);
        using var client = SmtpClients.Create(smtp.Host, smtp.Port, smtp.UseStartTls, smtp.Username, smtp.Password, smtp.Timeout);
        // SmtpClient.Timeout bounds only the synchronous Send; the async send is bounded here.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(smtp.Timeout);
        try
        {
            await client.SendMailAsync(mail, deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NotificationSendException($"The SMTP server {Server} did not take the email within {smtp.Timeout}.", e);
        }
        catch (SmtpException e) when ((int)e.StatusCode > 0)
        {
            throw new NotificationSendException(
                $"The SMTP server {Server} refused the email (SMTP {(int)e.StatusCode}): {Describe(e)}. {Advice(e.StatusCode)}", e);
        }
        catch (SmtpException e)
        {
            var advice = e.InnerException is AuthenticationException
                ? $"Its TLS certificate is not trusted here; it must be valid for {smtp.Host} and chain to a trusted root."
                : "Check Notifications:Smtp:Host and Port, and that the server can be reached from here.";
            throw new NotificationSendException($"The email could not be sent through the SMTP server {Server}: {Describe(e)}. {advice}", e);
        }
    }

    private string Advice(SmtpStatusCode status) => (int)status switch
    {
        // A server answers a wrong password by refusing AUTH (535); SmtpClient then carries on without
        // authenticating, and the server refuses MAIL FROM with "authentication required" (530).
        530 or 535 when smtp.UseStartTls =>
            "It did not accept the credentials: check Notifications:Smtp:Username and Notifications:Smtp:Password (for SES, the SMTP credentials, not the IAM secret key).",
        530 or 535 => "It wants STARTTLS or valid credentials: check Notifications:Smtp:UseStartTls, Notifications:Smtp:Username and Notifications:Smtp:Password.",
        _ => "Its answer says why; with SES, Notifications:From must be a verified identity, and in the SES sandbox so must the recipient.",
    };

    /// <summary>The exception's message with those of its causes, which say what really happened (refused, TLS, DNS).</summary>
    internal static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var text = e.Message.Trim().TrimEnd('.');
            if (text.Length > 0 && !messages.Contains(text)) messages.Add(text);
        }
        return string.Join(": ", messages);
    }
}
