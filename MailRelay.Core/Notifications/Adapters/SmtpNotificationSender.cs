using System.Net;
using System.Net.Security;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.Smtp;

namespace MailRelay.Core.Notifications.Adapters;

/// <summary>
/// Sends each email to an SMTP server (<c>Notifications:Provider</c> = <c>Smtp</c>; the SES SMTP
/// endpoint in production) with MailKit: TLS first, then AUTH, one connection per email —
/// notifications are few, and a fresh connection never trips over a server's idle timeout.
/// </summary>
/// <remarks>
/// The server certificate is checked on this connection only, by <paramref name="certificateCheck"/>:
/// the system's trust store unless a test pins its own server's certificate.
/// </remarks>
public sealed partial class SmtpNotificationSender(
    SmtpNotificationOptions smtp,
    string from,
    TimeProvider time,
    RemoteCertificateValidationCallback? certificateCheck = null) : INotificationSender
{
    private readonly SmtpServer _server = new(smtp.Host ?? "", smtp.Port, smtp.UseStartTls, smtp.Timeout, certificateCheck ?? SmtpServerCertificates.SystemTrust);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = NotificationMail.Create(from, message, time.GetUtcNow());
        try
        {
            await SmtpClients.SendAsync(_server, new NetworkCredential(smtp.Username, smtp.Password), mail, cancellationToken);
        }
        catch (Exception e) when (Explain(e, cancellationToken) is { } why)
        {
            throw new NotificationSendException(why, e);
        }
    }

    /// <summary>What went wrong, in words that name the setting to check; null for the caller's own cancellation.</summary>
    private string? Explain(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException or TimeoutException => $"The SMTP server {_server} did not take the email within {smtp.Timeout}.",
        AuthenticationException =>
            $"The SMTP server {_server} refused authentication ({SmtpReplies.Of(e)}): check Notifications:Smtp:Username and Notifications:Smtp:Password " +
            "(for SES, the SMTP credentials, not the IAM secret key).",
        SmtpCommandException =>
            $"The SMTP server {_server} refused the email ({SmtpReplies.Of(e)}). Its answer says why; with SES, Notifications:From " +
            "must be a verified identity, and in the SES sandbox so must the recipient.",
        SslHandshakeException =>
            $"The TLS connection to the SMTP server {_server} failed: {Describe(e)}. Its certificate must be valid for {smtp.Host} and chain to a root trusted here.",
        NotSupportedException when smtp.UseStartTls =>
            $"The SMTP server {_server} does not offer what MailRelay needs before it sends a password ({Describe(e)}). Check Notifications:Smtp:Port: 587 takes STARTTLS, 465 TLS from the start.",
        NotSupportedException or ProtocolException or IOException or System.Net.Sockets.SocketException =>
            $"The email could not be sent through the SMTP server {_server}: {Describe(e)}. Check Notifications:Smtp:Host and Port, and that the server can be reached from here.",
        _ => null,
    };

    /// <summary>The exception's message with those of its causes (refused, TLS, DNS), on one line.</summary>
    internal static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var text = Whitespace().Replace(e.Message, " ").Trim().TrimEnd('.');
            if (text.Length > 0 && !messages.Contains(text)) messages.Add(text);
        }
        return string.Join(": ", messages);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
