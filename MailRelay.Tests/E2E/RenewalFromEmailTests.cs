using System.Text.RegularExpressions;
using MailRelay.Core.Gmail;
using MailRelay.Core.Notifications;
using MailRelay.Tests.Fakes;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The phone path from the "Gmail connection expiring" email to a renewed connection: Alice's
/// token expires within a day and she got the email; Google has meanwhile refused it, so a message
/// waits. On a 390 px screen she opens the email's link, signs in, and renews with at most two taps;
/// the waiting message is then in her Gmail.
/// </summary>
public sealed partial class RenewalFromEmailTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string AliceGmail = "alice@gmail.example";

    private readonly TempDirectory _data = new();
    private FakeGoogle _google = null!;
    private AppProcess? _app;
    private string _renewLink = "";

    public async Task InitializeAsync()
    {
        _google = await FakeGoogle.StartAsync();
        _google.DefaultConsentAccount = AliceGmail;
        var settings = new Dictionary<string, string>
        {
            ["SignIn:Provider"] = "Development",
            ["MailboxDelivery:Provider"] = "Gmail",
            ["Forwarding:IntakeInterval"] = "00:00:00.500",
            ["Forwarding:ForwardInterval"] = "00:00:00.500",
            ["Forwarding:ExpiryCheckInterval"] = "00:00:01",
        };
        foreach (var (key, value) in _google.CreateSettings()) settings[key] = value!;
        _renewLink = await SeedExpiringConnectionAsync(settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _app = await AppProcess.StartAsync(settings, _data.Path, timeout.Token);
    }

    /// <summary>Alice's Gmail connected with a token that expires in 20 hours; returns the link of the email the expiry check sent her.</summary>
    private async Task<string> SeedExpiringConnectionAsync(Dictionary<string, string> settings)
    {
        await using var host = await RelayHost.StartAsync(_data.Path, settings.ToDictionary(p => p.Key, p => (string?)p.Value));
        await host.RouteAsync("alice@example.com", "alice");
        var account = _google.AddUser(AliceGmail);
        await host.Services.GetRequiredService<GmailConnections>()
            .ConnectAsync("alice", AliceGmail, account.RefreshToken, "https://www.googleapis.com/auth/gmail.insert", DateTimeOffset.UtcNow.AddHours(20), default);

        var outbox = host.Services.GetRequiredService<IOutbox>();
        OutboxEmail? email = null;
        await RelayHost.EventuallyAsync(async () =>
        {
            var entry = (await outbox.ListAsync(0, 10, default)).Items.FirstOrDefault(e => e.Summary.Subject?.Contains("expires tomorrow", StringComparison.OrdinalIgnoreCase) == true);
            email = entry is null ? null : await outbox.ReadAsync(entry.FileName, default);
            return email is not null;
        }, "the expiry check sent Alice the \"expires tomorrow\" email");
        var link = ButtonLink().Match(email!.HtmlBody ?? "");
        link.Success.ShouldBeTrue($"the email has a Reconnect Gmail link: {email.HtmlBody}");
        return new Uri(System.Net.WebUtility.HtmlDecode(link.Groups["href"].Value)).PathAndQuery;
    }

    [Fact]
    public async Task RenewalLink_OnAPhone_RenewsInAtMostTwoTapsAfterSignIn_AndTheWaitingMailArrives()
    {
        var app = _app!;
        var outputMark = app.OutputMark;
        // Google refuses the old grant before it expires (as it may); the next message waits for her.
        _google.Revoke(AliceGmail);
        await MessageFiles.DropAsync(_data.Path, "waiting.eml", MessageFiles.Raw("Alice <alice@example.com>", "Waiting for the renewal"), ["alice@example.com"]);

        await using var phone = await browser.NewSessionAsync(app.BaseUrl, o => o.ViewportSize = new() { Width = 390, Height = 844 });
        var page = phone.Page;
        await page.GotoAsync(_renewLink);
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByTestId("signin-alice").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/my/gmail");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.GetByTestId("gmail-queued")).ToHaveTextAsync("1");

        // Tap 1: the renewal button, on screen without scrolling; the fake consent page approves at once.
        var renew = page.GetByRole(AriaRole.Button, new() { NameRegex = RenewName() }).First;
        await Expect(renew).ToBeInViewportAsync();
        await renew.ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == "/my/gmail?gmail=renewed");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Connected");
        await RelayHost.EventuallyAsync(() => Task.FromResult(_google.Mailbox(AliceGmail).Count == 1), "the waiting message is in her Gmail");
        await Expect(page.GetByTestId("gmail-progress-text")).ToContainTextAsync("All caught up");
        await page.ShouldShowNoErrorBoundaryAsync();
        phone.Problems.ShouldBeEmpty();
        app.ErrorsLoggedSince(outputMark).ShouldBeEmpty();
        foreach (var line in app.WarningsLoggedSince(outputMark)) output.WriteLine(line);
    }

    [GeneratedRegex("<a [^>]*href=\"(?<href>[^\"]+)\"[^>]*>\\s*Reconnect Gmail", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonLink();

    [GeneratedRegex("^(Renew|Reconnect)", RegexOptions.IgnoreCase)]
    private static partial Regex RenewName();

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        await _google.DisposeAsync();
        _data.Dispose();
    }
}
