using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MailRelay.Tests.Support;

/// <summary>
/// Trusts exactly one server certificate while it lives. <see cref="System.Net.Mail.SmtpClient"/>
/// checks certificates only through the process-wide <c>ServicePointManager</c> callback (it has no
/// per-client hook), so one callback is installed for the whole test run and trusts the certificates
/// pinned at that moment; every other certificate gets the default check. Test classes run in
/// parallel, so pins come and go in any order: each one adds and removes only itself.
/// </summary>
public sealed class PinnedServerCertificate : IDisposable
{
    private static readonly object Gate = new();
    private static readonly List<byte[]> Pinned = [];
    private readonly byte[] _certificate;

    public PinnedServerCertificate(X509Certificate2 certificate)
    {
        _certificate = certificate.RawData;
        lock (Gate)
        {
            Pinned.Add(_certificate);
#pragma warning disable SYSLIB0014 // ServicePointManager is obsolete, but it is the only place SmtpClient reads a validation callback from.
            ServicePointManager.ServerCertificateValidationCallback ??= Validate;
#pragma warning restore SYSLIB0014
        }
    }

    public void Dispose()
    {
        lock (Gate) Pinned.Remove(_certificate);
    }

    private static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (certificate is null) return false;
        var raw = certificate.GetRawCertData();
        lock (Gate) return Pinned.Any(pinned => raw.AsSpan().SequenceEqual(pinned));
    }
}
