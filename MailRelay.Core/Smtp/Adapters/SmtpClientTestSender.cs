using System.Net;
using System.Net.Security;
using MailKit;
using MailKit.Security;
using MailRelay.Core.Infrastructure.Smtp;
using MailRelay.Core.Notifications.Adapters;
using MimeKit;

namespace MailRelay.Core.Smtp.Adapters;

/// <summary>
/// "Send test email" with MailKit's SMTP client, the way a mail client would send it: STARTTLS (TLS
/// from the start on 465), AUTH with the SMTP user's login, one message. The server's certificate is
/// checked on this connection by <paramref name="certificateCheck"/> (the system's trust store unless
/// a test pins its own). The answer quotes the server's reply, accepted or refused.
/// </summary>
public sealed class SmtpClientTestSender(TimeProvider time, RemoteCertificateValidationCallback? certificateCheck = null) : ISmtpTestSender
{
    public async Task<SmtpTestOutcome> SendAsync(SmtpTestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var server = new SmtpServer(request.Host, request.Port, UseTls: true, request.Timeout, certificateCheck ?? SmtpServerCertificates.SystemTrust);
        using var mail = new MimeMessage { Subject = request.Subject, Date = time.GetUtcNow(), Body = new TextPart("plain") { Text = request.Body } };
        mail.From.Add(MailboxAddress.Parse(request.From));
        mail.To.Add(MailboxAddress.Parse(request.To));
        try
        {
            var reply = await SmtpClients.SendAsync(server, new NetworkCredential(request.UserName, request.Password), mail, cancellationToken);
            return new(true, $"{server} answered \"{reply}\" to the message from {request.From} to {request.To}.");
        }
        catch (Exception e) when (SmtpReplies.Of(e) is { } reply)
        {
            var step = e is AuthenticationException ? "the login" : "the message";
            return new(false, $"{server} refused {step}: \"{reply}\"");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(false, $"{server} did not answer within {request.Timeout}.");
        }
        catch (SslHandshakeException e)
        {
            return new(false, $"Could not talk to {server} over TLS: {SmtpNotificationSender.Describe(e)}. Its certificate is not trusted here.");
        }
        catch (Exception e) when (e is ProtocolException or NotSupportedException or IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return new(false, $"Could not talk to {server}: {SmtpNotificationSender.Describe(e)}.");
        }
    }
}
