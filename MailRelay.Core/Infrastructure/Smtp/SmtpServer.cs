using System.Net.Security;

namespace MailRelay.Core.Infrastructure.Smtp;

/// <summary>
/// Where and how MailRelay talks SMTP: TLS (STARTTLS, or from the start on port 465) unless
/// <paramref name="UseTls"/> is off, every step bounded by <paramref name="Timeout"/>, and the server's
/// certificate judged by <paramref name="CertificateCheck"/> for this connection only.
/// </summary>
public sealed record SmtpServer(string Host, int Port, bool UseTls, TimeSpan Timeout, RemoteCertificateValidationCallback CertificateCheck)
{
    public override string ToString() => $"{Host}:{Port}";
}
