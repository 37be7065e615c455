using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MailRelay.Tests.Support;

/// <summary>
/// A certificate check for the SMTP clients a test hands it to (and only those: MailKit takes the
/// check per client, so nothing process-wide changes): the certificates pinned here, such as the SMTP
/// sink's self-signed one, and whatever the system's trust store accepts.
/// </summary>
public sealed class PinnedServerCertificates
{
    private readonly ConcurrentDictionary<string, bool> _pinned = new(StringComparer.Ordinal);

    public PinnedServerCertificates(params X509Certificate2[] certificates)
    {
        foreach (var certificate in certificates) Pin(certificate);
    }

    /// <summary>Trusts <paramref name="certificate"/> from now on, for example once a test's sink has started.</summary>
    public void Pin(X509Certificate2 certificate) => _pinned[certificate.GetCertHashString()] = true;

    public bool Check(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None
        || (certificate is not null && _pinned.ContainsKey(certificate.GetCertHashString()));
}
