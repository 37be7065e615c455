using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// Issue 14, criterion 5: a reconnect that lands on another instance reloads cleanly. The instance
/// holding Alice's circuit dies; the proxy sends her browser to the other one, which has no circuit
/// for her and rejects the reconnect; the reload the banner offers brings her back signed in, live,
/// on the page she was on, now served by the other instance. (Its own fixture: the test kills an instance.)
/// </summary>
public sealed partial class CrossInstanceReconnectTests(BrowserFixture browser, AwsTwoInstancesFixture cluster, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<AwsTwoInstancesFixture>, IDisposable
{
    // Health checks every second take the dead instance out within a few; Blazor retries the reconnect meanwhile.
    private static readonly LocatorAssertionsToHaveClassOptions WithinReconnect = new() { Timeout = 60_000 };

    private readonly int _workMark = cluster.WorkInstance.OutputMark;

    [Fact]
    public async Task PageInstanceDies_ReconnectRejectedByTheOther_ReloadComesBackSignedInAndLive()
    {
        var front = cluster.Front;
        await using var alice = await browser.NewSessionAsync(front.BaseUrl);
        var page = alice.Page;
        await page.SignInWithOidcAsync("alice", expectedPath: "/");
        await page.ShouldHaveLiveCircuitAsync();
        await page.OpenFromNavAsync("/my/queue", "My queue");
        front.RequestsTo(AwsTwoInstancesFixture.WorkInstanceName).ShouldBe(0, "her session starts on the page instance");

        await cluster.PageInstance.KillAsync(default);

        var banner = page.Locator("#components-reconnect-modal");
        await Expect(banner).ToHaveClassAsync(Rejected(), WithinReconnect);
        var problemsBeforeReload = alice.Problems.Count;
        await banner.Locator(".reconnect-rejected a").ClickAsync();

        // The banner's link reloads the page she was on.
        await Expect(page.Locator("main h1")).ToHaveTextAsync("My queue");
        page.PathAndQuery().ShouldBe("/my/queue", "still signed in: the key ring is shared, so no sign-in");
        await page.ShouldHaveLiveCircuitAsync();
        await page.OpenFromNavAsync("/my/gmail", "My Gmail");
        front.RequestsTo(AwsTwoInstancesFixture.WorkInstanceName).ShouldBeGreaterThan(0);
        await page.ShouldShowNoErrorBoundaryAsync();
        alice.Problems.Skip(problemsBeforeReload).ShouldBeEmpty("the reloaded page has no problems");
        cluster.WorkInstance.ErrorsLoggedSince(_workMark).ShouldBeEmpty();
    }

    [GeneratedRegex(@"\bcomponents-reconnect-rejected\b")]
    private static partial Regex Rejected();

    public void Dispose()
    {
        foreach (var line in cluster.WorkInstance.WarningsLoggedSince(_workMark)) output.WriteLine("work instance: " + line);
    }
}
