using MailRelay.Tests.Support;
using MailRelay.Tests.Unit;

namespace MailRelay.Tests.E2E;

/// <summary>The app with the development sign-in, its DNS checks pointed at an in-process DoH endpoint serving example.com's zone.</summary>
public sealed class DnsAppFixture : IAsyncLifetime
{
    private AppProcess? _app;

    public AppProcess App => _app ?? throw new InvalidOperationException("The app fixture is not initialized.");

    public FakeDohEndpoint Dns { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dns = await FakeDohEndpoint.StartAsync();
        Dns.PublishAll();
        Dns.Clear("_dmarc.example.com", "TXT");
        Dns.Txt("_dmarc.example.com", "v=DMARC1; p=none");
        var options = DnsTestZone.Options(Dns.ResolverUrl);
        var settings = new Dictionary<string, string>
        {
            ["SignIn:Provider"] = "Development",
            ["Dns:ResolverUrl"] = Dns.ResolverUrl,
            ["Dns:Region"] = options.Region,
            ["Dns:DmarcReportAddress"] = options.DmarcReportAddress!,
            ["Dns:TlsReportAddress"] = options.TlsReportAddress!,
            ["Dns:MtaStsPolicyId"] = options.MtaStsPolicyId!,
            ["Dns:PublicHost"] = options.PublicHost!,
            ["Dns:Domains:example.com:VerificationToken"] = DnsTestZone.Token,
        };
        for (var i = 0; i < 3; i++) settings[$"Dns:Domains:example.com:DkimTokens:{i}"] = DnsTestZone.Dkim[i];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _app = await AppProcess.StartAsync(settings, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await Dns.DisposeAsync();
    }
}
