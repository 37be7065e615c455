using MailRelay.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// Alice's Gmail connection in Chromium against the fake Google: mail waits while she is not
/// connected, she connects through the consent page and it arrives with live progress; Google
/// revokes her access, the next message shows the red banner live and waits, and the "please
/// reconnect" email is in the Outbox; she reconnects from the banner and it arrives; she
/// disconnects after confirming.
/// </summary>
public sealed class GmailConnectFlowTests(BrowserFixture browser, GmailAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<GmailAppFixture>, IDisposable
{
    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task Alice_ConnectsRenewsAfterRevocationAndDisconnects_MailWaitsAndArrives()
    {
        var google = fixture.Google;
        await using var admin = await browser.NewSessionAsync(_app.BaseUrl);
        await admin.Page.SignInAsDevelopmentUserAsync("admin");
        await admin.Page.RouteAliceToGmailAsync();

        // Not connected yet: the message waits for her Gmail.
        await using var alice = await browser.NewSessionAsync(_app.BaseUrl);
        var page = alice.Page;
        await page.SignInAsDevelopmentUserAsync("alice");
        await page.OpenFromNavAsync("/my/gmail", "My Gmail");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Not connected");
        await admin.Page.UploadForAliceAsync("Before connecting");
        await Expect(page.GetByTestId("gmail-queued")).ToHaveTextAsync("1");

        // Connect: the form posts, the fake consent page approves at once, the callback lands on My Gmail.
        await page.GetByTestId("gmail-connect").GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync($"{_app.BaseUrl}/my/gmail?gmail=connected");
        await Expect(page.GetByTestId("gmail-result")).ToContainTextAsync("Gmail is connected.");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Connected");
        await Expect(page.GetByTestId("gmail-address")).ToHaveTextAsync(GmailAppFixture.AliceGmail);
        await Expect(page.GetByTestId("gmail-progress-text")).ToContainTextAsync("All caught up");
        await Expect(page.Locator("tr.gmail-renewal")).ToHaveCountAsync(1);
        await RelayHost.EventuallyAsync(() => Task.FromResult(google.Mailbox(GmailAppFixture.AliceGmail).Count == 1), "the waiting message is in her Gmail");
        google.ConsentRequests.Last()["access_type"].ShouldBe("offline");
        await page.ShouldHaveLiveCircuitAsync();

        // Google revokes her grant: the next message fails to refresh, waits, and the banner turns red while she watches.
        google.Revoke(GmailAppFixture.AliceGmail);
        await page.SetMarkerAsync();
        await admin.Page.UploadForAliceAsync("While revoked");
        var banner = page.GetByTestId("gmail-banner");
        await Expect(banner).ToHaveAttributeAsync("data-banner", "lost");
        await Expect(banner).ToContainTextAsync("Gmail connection lost");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Expired|Revoked"));
        await Expect(page.GetByTestId("gmail-queued")).ToHaveTextAsync("1");
        (await page.EvaluateAsync<string?>(MailRelayPage.Marker)).ShouldBe("kept", "the banner came without a reload");
        google.Mailbox(GmailAppFixture.AliceGmail).Count.ShouldBe(1);

        // She was told at once: the "please reconnect" email, to her Gmail address, is in the admin's Outbox.
        await admin.Page.OpenFromNavAsync("/admin/outbox", "Outbox");
        await Expect(admin.Page.GetByTestId("outbox-subject").Filter(new() { HasText = $"Please reconnect your Gmail account {GmailAppFixture.AliceGmail}" }))
            .ToHaveCountAsync(1);
        await admin.Page.OpenFromNavAsync("/admin/queues", "Queues");

        // The dashboard shows the same banner.
        var dashboard = await alice.NewPageAsync();
        await dashboard.GotoAsync("/");
        await Expect(dashboard.GetByTestId("gmail-banner")).ToHaveAttributeAsync("data-banner", "lost");

        // On a phone, the page the "please reconnect" email links to shows the Reconnect button without
        // scrolling: one tap after signing in takes her to Google.
        var phone = await alice.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/my/gmail");
        await Expect(phone.GetByTestId("gmail-banner-reconnect").GetByRole(AriaRole.Button)).ToBeInViewportAsync();
        await phone.CloseAsync();

        // Reconnect from the banner: renewed, the waiting message arrives, the banner is gone.
        await banner.GetByTestId("gmail-banner-reconnect").GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync($"{_app.BaseUrl}/my/gmail?gmail=renewed");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Connected");
        await Expect(page.GetByTestId("gmail-banner")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("gmail-progress-text")).ToContainTextAsync("All caught up");
        await Expect(page.Locator("tr.gmail-renewal")).ToHaveCountAsync(2);
        await RelayHost.EventuallyAsync(() => Task.FromResult(google.Mailbox(GmailAppFixture.AliceGmail).Count == 2), "the second message is in her Gmail");
        google.ConsentRequests.Last()["login_hint"].ShouldBe(GmailAppFixture.AliceGmail);
        await Expect(dashboard.GetByTestId("gmail-banner")).ToHaveCountAsync(0);

        // Disconnect asks first, then revokes at Google and forgets the token. The page came back from
        // Google's redirect: its prerendered HTML shows the state before the circuit can take a click.
        await page.ShouldHaveLiveCircuitAsync();
        var revocationsBefore = google.Revocations.Count;
        await page.GetByTestId("gmail-disconnect").ClickAsync();
        var dialog = page.MessageBox();
        await Expect(dialog).ToContainTextAsync($"Disconnect {GmailAppFixture.AliceGmail}?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disconnect" }).ClickAsync();
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Not connected");
        google.Revocations.Count.ShouldBe(revocationsBefore + 1);
        google.IsRevoked(google.Revocations.Last()).ShouldBeTrue();

        await page.ShouldShowNoErrorBoundaryAsync();
        alice.Problems.ShouldBeEmpty();
        admin.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
