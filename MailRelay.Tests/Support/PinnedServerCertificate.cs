using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MailRelay.Tests.Support;

/// <summary>
/// Trusts exactly one server certificate while it lives. <see cref="System.Net.Mail.SmtpClient"/>
/// checks certificates only through the process-wide <c>ServicePointManager</c> callback (it has no
/// per-client hook), so the pin goes there; every other certificate still gets the previous
/// callback's answer or the default check, so nothing else in the test run is trusted more.
/// </summary>
public sealed class PinnedServerCertificate : IDisposable
{
    private static readonly object Gate = new();
    private readonly byte[] _pinned;
    private readonly RemoteCertificateValidationCallback? _previous;

    public PinnedServerCertificate(X509Certificate2 certificate)
    {
        _pinned = certificate.RawData;
        lock (Gate)
        {
#pragma warning disable SYSLIB0014 // ServicePointManager is obsolete, but it is the only place SmtpClient reads a validation callback from.
            _previous = ServicePointManager.ServerCertificateValidationCallback;
            ServicePointManager.ServerCertificateValidationCallback = Validate;
#pragma warning restore SYSLIB0014
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
#pragma warning disable SYSLIB0014
            ServicePointManager.ServerCertificateValidationCallback = _previous;
#pragma warning restore SYSLIB0014
        }
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        (certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(_pinned))
        || (_previous?.Invoke(sender, certificate, chain, errors) ?? errors == SslPolicyErrors.None);
}
