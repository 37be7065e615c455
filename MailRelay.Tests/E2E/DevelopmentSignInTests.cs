using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

public sealed class DevelopmentSignInTests(BrowserFixture browser, DevelopmentAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<DevelopmentAppFixture>, IDisposable
{
    /// <summary>The admin's navigation: the link text is also the heading of the page it opens.</summary>
    private static readonly NavLink[] ExpectedAdminNav =
    [
        new("Dashboard", "/"),
        new("My Gmail", "/my/gmail"),
        new("My queue", "/my/queue"),
        new("Users", "/admin/users"),
        new("SMTP users", "/admin/smtp-users"),
        new("Routes", "/admin/routes"),
        new("Queues", "/admin/queues"),
        new("DNS", "/admin/dns"),
        new("Audit", "/admin/audit"),
        new("Outbox", "/admin/outbox"),
    ];

    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task DevelopmentSignIn_AdminOpensEveryNavItem_EachPageRendersWithoutError()
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl);
        var page = session.Page;

        await page.GotoAsync("/");
        page.PathAndQuery().ShouldBe("/account/signin?ReturnUrl=%2F");
        // Sign in from the interactive page, as a person would: its form and antiforgery token are
        // the ones the live circuit rendered, not the prerendered ones.
        await page.ShouldHaveLiveCircuitAsync();
        await page.GetByTestId("signin-admin").ClickAsync();
        await page.WaitForURLAsync($"{_app.BaseUrl}/");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("admin@localhost");
        await page.ShouldHaveLiveCircuitAsync();
        session.Problems.ShouldBeEmpty("browser problems while signing in");

        var links = new List<NavLink>();
        foreach (var anchor in await page.Locator("nav[aria-label=Sections] a[href]").AllAsync())
        {
            // The link's text, without its icon.
            var text = await anchor.Locator(".mud-nav-link-text").InnerTextAsync();
            links.Add(new(text.Trim(), await anchor.GetAttributeAsync("href") ?? ""));
        }
        foreach (var expected in ExpectedAdminNav) links.ShouldContain(expected);

        // From the last to the first, so that every click leaves the page before (the dashboard is open now).
        foreach (var link in Enumerable.Reverse(links))
        {
            await page.Locator("nav[aria-label=Sections]").Locator($"a[href='{link.Href}']").ClickAsync();
            await page.WaitForURLAsync($"{_app.BaseUrl}{link.Href}");
            await Expect(page.Locator("main h1")).ToHaveTextAsync(link.Text);
            await page.ShouldHaveLiveCircuitAsync();
            await page.ShouldShowNoErrorBoundaryAsync();
            session.Problems.ShouldBeEmpty($"browser problems after opening {link.Href}");
            _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty($"server errors after opening {link.Href}");
        }
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }

    /// <summary>A navigation link as the page shows it.</summary>
    private sealed record NavLink(string Text, string Href);
}
