using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>The app bar and navigation drawer around every page: phone width and the light/dark theme.</summary>
public sealed class AppShellTests(BrowserFixture browser, DevelopmentAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<DevelopmentAppFixture>, IDisposable
{
    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task PhoneWidth_NavigationBehindTheMenuButton_OpensAPage()
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl, o => o.ViewportSize = new() { Width = 390, Height = 844 });
        var page = session.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        await page.GetByTestId("signin-alice").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");

        var drawer = page.Locator("aside#main-navigation");
        var myQueue = drawer.GetByRole(AriaRole.Link, new() { Name = "My queue" });
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bmud-drawer--closed\b"));
        await Expect(myQueue).Not.ToBeInViewportAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(myQueue).ToBeInViewportAsync();
        await myQueue.ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/my/queue");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("My queue");
        await page.ShouldShowNoErrorBoundaryAsync();
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Theme_FollowsTheSystemUntilToggled_ThenKeptAcrossVisits()
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl, o => o.ColorScheme = ColorScheme.Dark);
        var page = session.Page;
        await page.SignInAsDevelopmentUserAsync("bob");
        var layout = page.Locator("[data-theme]");
        await Expect(layout).ToHaveAttributeAsync("data-theme", "dark");
        await page.WaitForFunctionAsync($"() => {PageIsDark}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" }).ClickAsync();
        await Expect(layout).ToHaveAttributeAsync("data-theme", "light");
        await page.ReloadAsync();
        await page.ShouldHaveLiveCircuitAsync();

        await Expect(layout).ToHaveAttributeAsync("data-theme", "light");
        (await page.EvaluateAsync<bool>($"() => {PageIsDark}")).ShouldBeFalse("the page is still painted dark in the light theme");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" })).ToBeVisibleAsync();
        session.Problems.ShouldBeEmpty("browser problems (a script or style the CSP refused shows here)");
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    [Fact]
    public async Task NavigationLinkClickedWhileTheCircuitStarts_OpensThatPageLive()
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl);
        var page = session.Page;
        await page.SignInAsDevelopmentUserAsync("alice");
        await using var slowStart = await SlowCircuitStart.HoldAsync(page);

        // The Dashboard loads again; its circuit has asked to start and its answer is held back.
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await slowStart.Asked.WaitAsync(TimeSpan.FromSeconds(30));
        await page.Locator("nav[aria-label=Sections]").Locator("a[href='/my/queue']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/my/queue", new() { WaitUntil = WaitUntilState.Commit });
        slowStart.Release();

        // Live, the page under the address is still My queue: the circuit did not render the Dashboard back.
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await Expect(page.Locator("main h1")).ToHaveTextAsync("My queue");
        page.PathAndQuery().ShouldBe("/my/queue");
        await page.ShouldShowNoErrorBoundaryAsync();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    /// <summary>True when the page's background, painted from the MudBlazor palette, is dark.</summary>
    private const string PageIsDark =
        "(([r, g, b]) => r + g + b < 3 * 96)(getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number))";

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
