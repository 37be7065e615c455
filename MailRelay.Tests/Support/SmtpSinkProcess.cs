using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailRelay.Tests.Support;

/// <summary>
/// A real SMTP server (<c>emulators/smtp-sink.mjs</c>, nodemailer's smtp-server) on a free loopback
/// port, with STARTTLS on a fresh self-signed certificate and AUTH for one user. Every message it
/// accepts is in <see cref="Received"/>.
/// </summary>
public sealed partial class SmtpSinkProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly TempDirectory _files;

    private SmtpSinkProcess(ChildProcess process, TempDirectory files, int port, X509Certificate2 certificate)
    {
        _process = process;
        _files = files;
        Port = port;
        Certificate = certificate;
    }

    public int Port { get; }

    /// <summary>The server's certificate: self-signed for 127.0.0.1, trusted by nobody unless a test pins it.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Every message accepted so far.</summary>
    public IReadOnlyList<SmtpSinkMessage> Received =>
        _process.StandardOutput.Where(line => line.StartsWith('{')).Select(line => JsonSerializer.Deserialize<SmtpSinkMessage>(line)!).ToList();

    /// <summary>What was received once there are <paramref name="count"/> messages, or after 10 seconds: stdout is read asynchronously.</summary>
    public async Task<IReadOnlyList<SmtpSinkMessage>> WaitForMessagesAsync(int count)
    {
        // Generous: a notice follows intake, a refused Gmail refresh and an SMTP session with STARTTLS, on a machine the whole suite loads.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var received = Received;
            if (received.Count >= count || DateTime.UtcNow > deadline) return received;
            await Task.Delay(25);
        }
    }

    public static async Task<SmtpSinkProcess> StartAsync(string user, string password, CancellationToken cancellationToken)
    {
        var folder = RepositoryPaths.Emulators;
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "smtp-server")))
        {
            throw new InvalidOperationException(
                $"The test emulators' npm packages are not installed in {folder}/node_modules: run ./test.sh " +
                "(it runs `npm ci` there), or `npm ci` in MailRelay.Tests/emulators.");
        }
        var files = new TempDirectory();
        var certificate = CreateCertificate(files.Path, out var certFile, out var keyFile);
        var port = FreePort.Next();
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder };
        foreach (var argument in new[] { "smtp-sink.mjs", port.ToString(CultureInfo.InvariantCulture), user, password, certFile, keyFile })
            start.ArgumentList.Add(argument);
        try
        {
            var (process, _) = await ChildProcess.StartAsync("smtp-sink", start, Ready(), TimeSpan.FromSeconds(30), cancellationToken);
            return new SmtpSinkProcess(process, files, port, certificate);
        }
        catch
        {
            certificate.Dispose();
            files.Dispose();
            throw;
        }
    }

    public string Transcript() => _process.Transcript();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Certificate.Dispose();
        _files.Dispose();
    }

    /// <summary>A one-day certificate for 127.0.0.1 and localhost, written as PEM files for the server.</summary>
    private static X509Certificate2 CreateCertificate(string folder, out string certFile, out string keyFile)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=MailRelay test SMTP sink", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        certFile = Path.Combine(folder, "smtp-sink.crt.pem");
        keyFile = Path.Combine(folder, "smtp-sink.key.pem");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return certificate;
    }

    [GeneratedRegex(@"^READY \d+$")]
    private static partial Regex Ready();
}
