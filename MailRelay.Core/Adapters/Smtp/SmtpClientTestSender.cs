using System.Net.Mail;
using System.Security.Authentication;
using MailRelay.Core.Ports;

namespace MailRelay.Core.Adapters.Smtp;

/// <summary>
/// "Send test email" over <see cref="SmtpClient"/>: STARTTLS (<c>EnableSsl</c> on a plain port), AUTH
/// with the SMTP user's login, one message. The server certificate is checked like every SMTP
/// connection of MailRelay (see <see cref="SmtpNotificationSender"/>). SmtpClient does not expose the
/// server's 250 reply text, so a success is reported in words; a refusal carries the server's reply.
/// </summary>
public sealed class SmtpClientTestSender : ISmtpTestSender
{
    public async Task<SmtpTestOutcome> SendAsync(SmtpTestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var server = $"{request.Host}:{request.Port}";
        using var mail = new MailMessage(request.From, request.To, request.Subject, request.Body);
        using var client = SmtpClients.Create(request.Host, request.Port, startTls: true, request.UserName, request.Password, request.Timeout);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(request.Timeout);
        try
        {
            await client.SendMailAsync(mail, deadline.Token);
            // SmtpClient does not expose the reply text; it returns only when the server answered 250 to the message.
            return new(true, $"Accepted (250): {server} accepted the message from {request.From} to {request.To}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(false, $"{server} did not answer within {request.Timeout}.");
        }
        catch (SmtpException e) when ((int)e.StatusCode > 0)
        {
            return new(false, $"{server} refused (SMTP {(int)e.StatusCode}): {SmtpNotificationSender.Describe(e)}");
        }
        catch (SmtpException e)
        {
            var why = e.InnerException is AuthenticationException ? " Its TLS certificate is not trusted here." : "";
            return new(false, $"Could not talk to {server}: {SmtpNotificationSender.Describe(e)}.{why}");
        }
    }
}
