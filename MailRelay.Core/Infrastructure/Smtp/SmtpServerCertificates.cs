using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MailRelay.Core.Infrastructure.Smtp;

/// <summary>How MailRelay judges an SMTP server's certificate when nothing else is said.</summary>
public static class SmtpServerCertificates
{
    /// <summary>
    /// Valid for the host and chaining to a root in the system's trust store, nothing less: there is
    /// deliberately no setting to switch the check off. Given to each connection, never process-wide.
    /// </summary>
    public static bool SystemTrust(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None;
}
