using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// axe-core on every page, at desktop and phone width, signed in as an admin and as a user (and
/// signed out where a page is public): a serious or critical violation fails the test, listed with
/// the page, the rule and the elements it found.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture browser, SeededAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<SeededAppFixture>
{
    private static readonly string[] Failing = ["serious", "critical"];

    private readonly AppProcess _app = fixture.App;

    public static TheoryData<int> Widths => new() { 1366, 390 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task EveryAdminPage_HasNoSeriousViolation(int width) =>
        await CheckAsync("admin", width,
        [
            "/", "/admin/users", "/admin/queues", "/admin/routes", "/admin/smtp-users", $"/admin/smtp-users/{fixture.SmtpUserId}/setup",
            "/admin/dns", "/admin/audit", "/admin/outbox", "/admin/usage", "/my/gmail", "/my/queue", "/no-such-page",
        ]);

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task EveryUserPage_HasNoSeriousViolation(int width) =>
        await CheckAsync("alice", width, ["/", "/my/gmail", "/my/queue", "/admin/queues"]);

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task EveryPublicPage_HasNoSeriousViolation(int width) =>
        await CheckAsync(null, width, ["/", "/account/signed-out", "/account/error"]);

    private async Task CheckAsync(string? user, int width, IReadOnlyList<string> paths)
    {
        await using var session = await browser.NewSessionAsync(_app.BaseUrl, o => o.ViewportSize = new() { Width = width, Height = width > 500 ? 900 : 844 });
        var page = session.Page;
        if (user is not null) await page.SignInAsDevelopmentUserAtAnyWidthAsync(user);

        var found = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("h1").First).ToBeVisibleAsync();
            // Pages outside the app shell (the "no access" page) are static: there is no circuit to wait for.
            if (await page.Locator("[data-interactive]").CountAsync() > 0)
            {
                await Expect(page.Locator("[data-interactive]")).ToHaveAttributeAsync("data-interactive", "true");
            }
            var result = await page.RunAxe();
            foreach (var violation in result.Violations.Where(v => Failing.Contains(v.Impact)))
            {
                var targets = string.Join(", ", violation.Nodes.Take(5).Select(n => n.Target?.ToString()));
                found.Add($"{path} as {user ?? "anonymous"} at {width} px: {violation.Impact} {violation.Id} ({violation.Help}) at {targets}: {Why(violation)}");
            }
            foreach (var violation in result.Violations.Where(v => !Failing.Contains(v.Impact)))
            {
                output.WriteLine($"(not failing) {path} at {width} px: {violation.Impact} {violation.Id}: {violation.Help}");
            }
        }
        found.ShouldBeEmpty(string.Join("\n", found));
    }

    /// <summary>What axe says is wrong with the first element it found, e.g. the two colours and their contrast.</summary>
    private static string Why(AxeResultItem violation) =>
        string.Join("; ", violation.Nodes.Take(1).SelectMany(n => n.Any.Concat(n.All).Concat(n.None)).Select(c => c.Message));
}
