using System.Text.Json;
using MailRelay.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The UI through a front that behaves like App Runner's (no WebSockets, requests cut at a cap, no
/// affinity), with the app set to long polling as Terraform sets it there: sign-in, a live update
/// after the circuit has outlived the cap, and Gmail renewal all work, and no WebSocket is opened.
/// </summary>
public sealed class AppRunnerFrontFlowTests(BrowserFixture browser, AppRunnerAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<AppRunnerAppFixture>, IDisposable
{
    private readonly AppProcess _app = fixture.App;
    private readonly AppRunnerFront _front = fixture.Front;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task LongPollingBehindFront_SignInLiveUpdateAndGmailRenewal_Work()
    {
        var google = fixture.Google;
        var webSockets = 0;
        await using var admin = await browser.NewSessionAsync(_front.BaseUrl);
        await using var alice = await browser.NewSessionAsync(_front.BaseUrl);
        admin.Context.Page += (_, p) => p.WebSocket += (_, _) => Interlocked.Increment(ref webSockets);
        alice.Context.Page += (_, p) => p.WebSocket += (_, _) => Interlocked.Increment(ref webSockets);
        admin.Page.WebSocket += (_, _) => Interlocked.Increment(ref webSockets);
        alice.Page.WebSocket += (_, _) => Interlocked.Increment(ref webSockets);
        // The circuit's long polls: GET /_blazor?id=... as fetch/XHR (Server-Sent Events would show as "eventsource").
        var polls = 0;
        var eventStreams = 0;
        alice.Page.Request += (_, request) =>
        {
            if (request.Method != "GET" || !new Uri(request.Url).AbsolutePath.EndsWith("/_blazor", StringComparison.Ordinal)) return;
            if (request.ResourceType == "eventsource") Interlocked.Increment(ref eventStreams);
            else Interlocked.Increment(ref polls);
        };

        // The hub offers long polling only.
        (await NegotiatedTransportsAsync()).ShouldBe(["LongPolling"]);

        // Sign-in through the front.
        await admin.Page.SignInAsDevelopmentUserAsync("admin");
        await admin.Page.RouteAliceToGmailAsync();
        var page = alice.Page;
        await page.SignInAsDevelopmentUserAsync("alice");
        await page.OpenFromNavAsync("/my/gmail", "My Gmail");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Not connected");

        // Connect: the consent redirect comes back through the front (the app saw the browser's Host).
        await page.GetByTestId("gmail-connect").GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync($"{_front.BaseUrl}/my/gmail?gmail=connected");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Connected");
        await page.ShouldHaveLiveCircuitAsync();

        // Outlast the front's cap with the circuit idle: every long poll ends by itself before the cap.
        await page.SetMarkerAsync();
        await Task.Delay(AppRunnerAppFixture.RequestCap + TimeSpan.FromSeconds(5));

        // Live update: Google revokes her grant, the next message shows the red banner without a reload.
        google.Revoke(GmailAppFixture.AliceGmail);
        await admin.Page.UploadForAliceAsync("While revoked");
        var banner = page.GetByTestId("gmail-banner");
        await Expect(banner).ToHaveAttributeAsync("data-banner", "lost", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("gmail-queued")).ToHaveTextAsync("1");
        (await page.EvaluateAsync<string?>(MailRelayPage.Marker)).ShouldBe("kept", "the banner came without a reload");

        // Renewal from the banner: renewed, the waiting message arrives.
        await banner.GetByTestId("gmail-banner-reconnect").GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync($"{_front.BaseUrl}/my/gmail?gmail=renewed");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Connected");
        await Expect(page.GetByTestId("gmail-banner")).ToHaveCountAsync(0);
        await RelayHost.EventuallyAsync(() => Task.FromResult(google.Mailbox(GmailAppFixture.AliceGmail).Count == 1), "the waiting message is in her Gmail");
        await page.ShouldHaveLiveCircuitAsync();

        webSockets.ShouldBe(0, "the browser opened a WebSocket");
        eventStreams.ShouldBe(0, "the browser opened a Server-Sent Events stream");
        polls.ShouldBeGreaterThan(2, "the circuit did not long-poll");
        _front.RefusedUpgrades.ShouldBe(0);
        _front.CutRequests.ShouldBe(0, "a long poll outlived the front's cap");
        await page.ShouldShowNoErrorBoundaryAsync();
        alice.Problems.ShouldBeEmpty();
        admin.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    /// <summary>The transports the Blazor hub offers in its negotiate answer, asked through the front.</summary>
    private async Task<string[]> NegotiatedTransportsAsync()
    {
        using var client = new HttpClient();
        using var response = await client.PostAsync($"{_front.BaseUrl}/_blazor/negotiate?negotiateVersion=1", content: null);
        response.EnsureSuccessStatusCode();
        using var negotiation = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. negotiation.RootElement.GetProperty("availableTransports").EnumerateArray().Select(t => t.GetProperty("transport").GetString()!)];
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
