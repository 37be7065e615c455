using MailRelay.Core.Domains;
using MailRelay.Core.Inbound;
using MailRelay.Core.Smtp;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The app with the development sign-in over data that fills every page, for the accessibility
/// checks and the README screenshots: routes for Alice and Bob, delivered messages and a held one,
/// an SMTP user and a domain, seeded through the real Core services before the app starts.
/// </summary>
public sealed class SeededAppFixture : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["SignIn:Provider"] = "Development",
        ["SmtpIdentity:SendingDomains:0"] = "example.com",
    };

    private static readonly (string To, string Subject)[] Messages =
    [
        ("alice@example.com", "Lunch on Friday?"), ("alice@example.com", "Your invoice 2026-117"), ("alice@example.com", "Minutes of the board meeting"),
        ("bob@example.com", "Tickets for Saturday"), ("nobody@example.com", "For an address with no route"),
    ];

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
        await host.RouteAsync("bob@example.com", "bob");
        var upload = host.Services.GetRequiredService<MessageUpload>();
        foreach (var (to, subject) in Messages)
        {
            var eml = $"From: Carol <carol@example.net>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.net>\r\n" +
                      "Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nHello.\r\n";
            await upload.UploadAsync("admin", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eml)), [to], default);
        }
        var smtp = await host.Services.GetRequiredService<SmtpProvisioning>()
            .CreateAsync("admin", "Alice's laptop", "alice", ["alice@example.com"], default);
        SmtpUserId = smtp.Value?.Id ?? throw new InvalidOperationException(smtp.Failure?.Message);
        var domain = await host.Services.GetRequiredService<DomainAdmin>().AddAsync("admin", "example.com", default);
        if (domain.Failure is not null) throw new InvalidOperationException(domain.Failure.Message);
        await RelayHost.EventuallyAsync(
            async () => (await host.Store.Deliveries.SummarizeQueuesAsync(default)).Any(q => q.UserId == "alice" && q.Delivered == 3),
            "Alice's seeded messages are delivered");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _data.Dispose();
    }
}
