using MailRelay.Core.Domains;
using MailRelay.Core.Inbound;
using MailRelay.Core.Smtp;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The app with the development sign-in over data that fills every page: a route for Alice, a
/// delivered message and a held one, an SMTP user and a domain, seeded through the real Core
/// services before the app starts, for one test class.
/// </summary>
public sealed class AccessibilityAppFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["SignIn:Provider"] = "Development",
        ["SmtpIdentity:SendingDomains:0"] = "example.com",
    };

    private readonly TempDirectory _data = new();
    private AppProcess? _app;

    public AppProcess App => _app ?? throw new InvalidOperationException("The app fixture is not initialized.");

    /// <summary>The seeded SMTP user, whose setup page the checks open.</summary>
    public string SmtpUserId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await SeedAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _app = await AppProcess.StartAsync(Settings, _data.Path, timeout.Token);
    }

    private async Task SeedAsync()
    {
        var settings = Settings.ToDictionary(p => p.Key, p => (string?)p.Value);
        await using var host = await RelayHost.StartAsync(_data.Path, settings);
        await host.RouteAsync("alice@example.com", "alice");
        var upload = host.Services.GetRequiredService<MessageUpload>();
        foreach (var to in new[] { "alice@example.com", "nobody@example.com" })
        {
            var eml = $"From: Carol <carol@example.net>\r\nTo: {to}\r\nSubject: Seeded for {to}\r\nMessage-ID: <{Guid.NewGuid():N}@example.net>\r\n" +
                      "Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nHello.\r\n";
            await upload.UploadAsync("admin", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eml)), [to], default);
        }
        var smtp = await host.Services.GetRequiredService<SmtpProvisioning>()
            .CreateAsync("admin", "Alice's laptop", "alice", ["alice@example.com"], default);
        SmtpUserId = smtp.Value?.Id ?? throw new InvalidOperationException(smtp.Failure?.Message);
        var domain = await host.Services.GetRequiredService<DomainAdmin>().AddAsync("admin", "example.com", default);
        if (domain.Failure is not null) throw new InvalidOperationException(domain.Failure.Message);
        await RelayHost.EventuallyAsync(
            async () => (await host.Store.Deliveries.SummarizeQueuesAsync(default)).Any(q => q.UserId == "alice" && q.Delivered == 1),
            "Alice's seeded message is delivered");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _data.Dispose();
    }
}
