using System.Net;
using System.Net.Mail;

namespace MailRelay.Core.Adapters.Smtp;

/// <summary>The one way MailRelay opens an authenticated <see cref="SmtpClient"/>, for notifications and for the test email.</summary>
internal static class SmtpClients
{
    public static SmtpClient Create(string? host, int port, bool startTls, string? userName, string? password, TimeSpan timeout) =>
        new(host, port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = startTls,
            // Before Credentials: setting it clears them.
            UseDefaultCredentials = false,
            Credentials = new NetworkCredential(userName, password),
            // Bounds only the synchronous Send; callers bound the async send with a cancellation deadline.
            Timeout = (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds),
        };
}
