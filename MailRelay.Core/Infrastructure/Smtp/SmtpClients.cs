using System.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailRelay.Core.Smtp;
using MimeKit;

namespace MailRelay.Core.Infrastructure.Smtp;

/// <summary>The one way MailRelay sends a message over SMTP with MailKit, for notifications and for the test email.</summary>
internal static class SmtpClients
{
    /// <summary>
    /// Connects (TLS before anything else is said, so AUTH never crosses in clear), logs in, sends
    /// <paramref name="message"/> and returns the server's reply to it, e.g. <c>250 2.0.0 OK</c>.
    /// </summary>
    /// <exception cref="AuthenticationException">The server refused the login; the message says its reply.</exception>
    /// <exception cref="SmtpCommandException">The server refused the sender, a recipient or the message.</exception>
    /// <exception cref="OperationCanceledException">The server took longer than <see cref="SmtpServer.Timeout"/> in all, or the caller gave up.</exception>
    public static async Task<string> SendAsync(SmtpServer server, NetworkCredential login, MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient
        {
            // Bounds each read and write; the deadline below bounds the whole conversation.
            Timeout = (int)Math.Min(int.MaxValue, server.Timeout.TotalMilliseconds),
            ServerCertificateValidationCallback = server.CertificateCheck,
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(server.Timeout);
        await client.ConnectAsync(server.Host, server.Port, Security(server), deadline.Token);
        await client.AuthenticateAsync(login, deadline.Token);
        // MailKit throws unless the server answered 250 to the message, and hands back only the text after the code.
        var reply = "250 " + await client.SendAsync(message, deadline.Token);
        await QuitAsync(client, deadline.Token);
        return reply;
    }

    private static SecureSocketOptions Security(SmtpServer server) =>
        !server.UseTls ? SecureSocketOptions.None
        : server.Port == SmtpEndpoint.TlsPort ? SecureSocketOptions.SslOnConnect // RFC 8314: TLS from the first byte
        // Not StartTlsWhenAvailable: a server that does not offer STARTTLS never sees the password.
        : SecureSocketOptions.StartTls;

    private static async Task QuitAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or ProtocolException or CommandException or OperationCanceledException)
        {
            // The server has accepted the message; a goodbye that goes wrong does not take that back.
        }
    }
}
