using MailRelay.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>The admin's live queue charts in Chromium: mail dropped into the inbox moves them without a reload.</summary>
public sealed class QueueChartsLiveTests(BrowserFixture browser, DevelopmentAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<DevelopmentAppFixture>, IDisposable
{
    // The sampler runs every 5 s (the default); a change shows within one or two samples.
    private static readonly LocatorAssertionsToHaveAttributeOptions WithinSamples = new() { Timeout = 20_000 };

    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task QueuesPageOpen_MessagesDroppedInInbox_DepthChartAndCountsMoveWithoutReload()
    {
        await using var admin = await browser.NewSessionAsync(_app.BaseUrl);
        var page = admin.Page;
        await page.SignInAsDevelopmentUserAsync("admin");
        await page.OpenFromNavAsync("/admin/queues", "Queues");
        var now = page.GetByTestId("queue-now");
        await Expect(now).ToHaveAttributeAsync("data-depth", "0", WithinSamples);
        var depthChart = page.GetByTestId("depth-chart");
        await Expect(depthChart.Locator(".mud-chart svg").First).ToBeVisibleAsync();
        await page.SetMarkerAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame) Interlocked.Increment(ref navigations);
        };
        var pointsBefore = int.Parse((await depthChart.GetAttributeAsync("data-points"))!, System.Globalization.CultureInfo.InvariantCulture);

        // No route matches these recipients, so every message is held for an admin and stays in the queue.
        for (var i = 0; i < 3; i++)
        {
            await MessageFiles.DropAsync(_app.DataDirectory, $"held-{i}.eml", MessageFiles.Raw($"nobody{i}@example.com", $"Held {i}"), [$"nobody{i}@example.com"]);
        }

        await Expect(now).ToHaveAttributeAsync("data-depth", "3", WithinSamples);
        await Expect(now).ToContainTextAsync("Waiting now: 3");
        int.Parse((await depthChart.GetAttributeAsync("data-points"))!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(pointsBefore);
        await Expect(depthChart.Locator(".mud-chart svg path.mud-chart-line").First).ToBeAttachedAsync();
        await Expect(page.GetByTestId("queue-summary").Locator("tr[data-user=''] [data-count=held]")).ToHaveTextAsync("3");

        // The 24-hour window shows the open minute with the same depth.
        await page.GetByTestId("chart-window").GetByText("24 hours").ClickAsync();
        await Expect(page.GetByTestId("queue-charts")).ToHaveAttributeAsync("data-window", "Last24Hours");
        await Expect(now).ToHaveAttributeAsync("data-depth", "3");

        (await page.EvaluateAsync<string?>(MailRelayPage.Marker)).ShouldBe("kept", "the Queues page was reloaded");
        Volatile.Read(ref navigations).ShouldBe(0);
        await page.ShouldShowNoErrorBoundaryAsync();
        admin.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dashboard_AdminSeesTheChartsWithoutConsoleErrors_UserDoesNot()
    {
        await using var admin = await browser.NewSessionAsync(_app.BaseUrl);
        await admin.Page.SignInAsDevelopmentUserAsync("admin");

        await Expect(admin.Page.GetByTestId("dashboard-queue-charts").GetByTestId("queue-now")).ToHaveAttributeAsync("data-depth", new System.Text.RegularExpressions.Regex(@"^\d+$"), WithinSamples);
        await admin.Page.ShouldShowNoErrorBoundaryAsync();
        admin.Problems.ShouldBeEmpty();

        // Every user's queue is an admin's business: Alice's dashboard has no relay-wide charts.
        await using var alice = await browser.NewSessionAsync(_app.BaseUrl);
        await alice.Page.SignInAsDevelopmentUserAsync("alice");
        await Expect(alice.Page.Locator("main h1")).ToHaveTextAsync("Dashboard");
        await Expect(alice.Page.GetByTestId("queue-charts")).ToHaveCountAsync(0);
        alice.Problems.ShouldBeEmpty();
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
