using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// The README's screenshots, taken from the running app over seeded data: each main page renders
/// its heading with no error and becomes a PNG. <c>docs/screenshots.sh</c> runs this class with
/// <c>MAILRELAY_SCREENSHOTS</c> set to <c>docs/screenshots</c>; in <c>./test.sh</c> the files go to a
/// temporary folder, so the pages are still checked.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser, SeededAppFixture fixture) : IClassFixture<BrowserFixture>, IClassFixture<SeededAppFixture>, IDisposable
{
    private readonly Support.TempDirectory _scratch = new();

    private string Folder => Environment.GetEnvironmentVariable("MAILRELAY_SCREENSHOTS") is { Length: > 0 } folder ? folder : _scratch.Path;

    [Fact]
    public async Task MainPages_AsAdminOnADesktop()
    {
        await using var session = await browser.NewSessionAsync(fixture.App.BaseUrl, o => o.ViewportSize = new() { Width = 1366, Height = 900 });
        await session.Page.SignInAsDevelopmentUserAsync("admin");
        await ShootAsync(session.Page, "/", "admin-dashboard.png");
        await ShootAsync(session.Page, "/admin/users", "users.png");
        await ShootAsync(session.Page, "/admin/queues", "queues.png");
        await ShootAsync(session.Page, "/admin/smtp-users", "smtp-users.png");
        await ShootAsync(session.Page, "/admin/dns", "dns.png");
        session.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task MyGmailAndMyQueue_AsAUserOnAPhone()
    {
        await using var session = await browser.NewSessionAsync(fixture.App.BaseUrl, o => o.ViewportSize = new() { Width = 390, Height = 844 });
        var page = session.Page;
        await page.SignInAsDevelopmentUserAtAnyWidthAsync("alice");
        await ShootAsync(page, "/my/gmail", "my-gmail-phone.png");
        await ShootAsync(page, "/my/queue", "my-queue-phone.png");
        session.Problems.ShouldBeEmpty();
    }

    private async Task ShootAsync(IPage page, string path, string file)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await page.ShouldShowNoErrorBoundaryAsync();
        // Let live parts (charts, times in the viewer's zone) settle before the picture.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var target = Path.Combine(Folder, file);
        await page.ScreenshotAsync(new() { Path = target, FullPage = false });
        new FileInfo(target).Length.ShouldBeGreaterThan(5_000, $"the screenshot of {path} is empty");
    }

    public void Dispose() => _scratch.Dispose();
}
