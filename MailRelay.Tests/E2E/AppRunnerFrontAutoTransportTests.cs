using MailRelay.Tests.Support;
using Xunit.Abstractions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The default transport (Auto) behind the App Runner-like front: the refused WebSocket upgrade
/// does not break sign-in, because SignalR falls back. It says nothing about surviving the cap
/// (Server-Sent Events are cut there), which is why App Runner sets LongPolling.
/// </summary>
public sealed class AppRunnerFrontAutoTransportTests(BrowserFixture browser, DevelopmentAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<DevelopmentAppFixture>, IDisposable
{
    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task AutoTransportBehindFront_WebSocketRefused_SignsInOverFallback()
    {
        await using var front = await AppRunnerFront.StartAsync(_app.BaseUrl, TimeSpan.FromSeconds(120));
        await using var admin = await browser.NewSessionAsync(front.BaseUrl);
        var webSockets = 0;
        admin.Page.WebSocket += (_, _) => Interlocked.Increment(ref webSockets);

        await admin.Page.SignInAsDevelopmentUserAsync("admin");
        await admin.Page.OpenFromNavAsync("/admin/queues", "Queues");
        await admin.Page.ShouldHaveLiveCircuitAsync();

        webSockets.ShouldBeGreaterThan(0, "Auto should try a WebSocket first");
        front.RefusedUpgrades.ShouldBeGreaterThan(0);
        await admin.Page.ShouldShowNoErrorBoundaryAsync();
        // The browser logs the refused WebSocket as a console error, so admin.Problems is not asserted empty.
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
