using System.Globalization;
using MailRelay.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>The relay end to end in the browser: a route, an uploaded message, its live delivery, and its recipient's view.</summary>
public sealed class RelayFlowTests(BrowserFixture browser, DevelopmentAppFixture fixture, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<DevelopmentAppFixture>, IDisposable
{
    private readonly AppProcess _app = fixture.App;
    private readonly int _outputMark = fixture.App.OutputMark;

    [Fact]
    public async Task UploadForRoutedAddress_DeliveryTurnsDeliveredLive_RecipientSeesItInMyQueue()
    {
        var subject = $"Relay flow {Guid.NewGuid():N}";
        await using var admin = await browser.NewSessionAsync(_app.BaseUrl);
        var page = admin.Page;
        await page.SignInAsDevelopmentUserAsync("admin");

        // Routes: alice@example.com goes to Alice's Gmail (the local mailbox stands in for it here).
        await page.OpenFromNavAsync("/admin/routes", "Routes");
        await page.GetByTestId("route-add").ClickAsync();
        await page.GetByLabel("Recipient pattern").FillAsync("alice@example.com");
        await page.ChooseInMudSelectAsync(page.GetByTestId("route-action-user"), "Alice (alice@localhost)", "Alice");
        await page.GetByTestId("route-save").ClickAsync();
        var route = page.GetByTestId("routes-grid").Locator("tbody tr").Filter(new() { HasText = "alice@example.com" });
        await Expect(route).ToContainTextAsync("Gmail of Alice");
        await Expect(page.GetByTestId("route-form")).ToHaveCountAsync(0);

        // A second Queues page, opened before the upload: it can only learn of the message from the live events.
        var observer = await admin.NewPageAsync();
        await observer.GotoAsync("/admin/queues");
        await Expect(observer.Locator("main h1")).ToHaveTextAsync("Queues");
        await observer.ShouldHaveLiveCircuitAsync();
        await observer.SetMarkerAsync();

        await page.OpenFromNavAsync("/admin/queues", "Queues");
        await page.SetMarkerAsync();
        var navigations = CountNavigations(page);
        var observerNavigations = CountNavigations(observer);

        using var files = new TempDirectory();
        var eml = Path.Combine(files.Path, "hello.eml");
        await File.WriteAllTextAsync(eml,
            $"From: Carol <carol@example.net>\r\nTo: alice@example.com\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.net>\r\n" +
            "Date: Mon, 2 Mar 2026 10:00:00 +0000\r\n\r\nHello Alice.\r\n");
        await page.GetByTestId("upload-file").SetInputFilesAsync(eml);
        await page.GetByLabel("Envelope recipients").FillAsync("alice@example.com");
        await page.GetByTestId("upload-submit").ClickAsync();

        await Expect(page.GetByTestId("upload-result")).ToContainTextAsync("Stored hello.eml as message");
        foreach (var queues in new[] { page, observer })
        {
            var row = queues.GetByTestId("messages-grid").Locator("tr:has([data-message-id])").Filter(new() { HasText = subject });
            await Expect(row).ToContainTextAsync("alice@example.com");
            await Expect(row.Locator("[data-testid=delivery-status]")).ToHaveAttributeAsync("data-status", "Delivered");
            (await queues.EvaluateAsync<string?>(MailRelayPage.Marker)).ShouldBe("kept", "the Queues page was reloaded");
            queues.PathAndQuery().ShouldBe("/admin/queues");
        }
        navigations().ShouldBe(0);
        observerNavigations().ShouldBe(0);
        await Expect(page.GetByTestId("message-detail")).ToContainTextAsync(subject);
        await Expect(page.GetByTestId("queue-summary").Locator("tr[data-user=alice] [data-count=pending]")).ToHaveTextAsync("0");
        await page.ShouldShowNoErrorBoundaryAsync();
        await observer.ShouldShowNoErrorBoundaryAsync();
        admin.Problems.ShouldBeEmpty();

        // Alice, in a browser of her own in India, finds it delivered on My queue and in her local mailbox.
        await using var alice = await browser.NewSessionAsync(_app.BaseUrl, o => o.TimezoneId = "Asia/Kolkata");
        await alice.Page.SignInAsDevelopmentUserAsync("alice");
        await alice.Page.OpenFromNavAsync("/my/queue", "My queue");
        var mine = alice.Page.GetByTestId("my-delivered").Locator("tr.my-message").Filter(new() { HasText = subject });
        await Expect(mine.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Delivered");
        await Expect(alice.Page.GetByTestId("my-mailbox").GetByTestId("mailbox-file")).ToHaveCountAsync(1);
        // Its time in her zone (UTC+05:30, no daylight saving), with the UTC time in the title.
        var received = mine.Locator("time");
        await Expect(received.Locator("span[aria-hidden=true]")).ToHaveCountAsync(1);
        var utc = DateTimeOffset.Parse(await received.GetAttributeAsync("datetime") ?? "", CultureInfo.InvariantCulture);
        await Expect(received.Locator("span[aria-hidden=true]")).ToHaveTextAsync(
            utc.ToOffset(TimeSpan.FromHours(5.5)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        await Expect(received).ToHaveAttributeAsync("title", utc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
        await Expect(alice.Page.GetByTestId("deliver-now")).ToHaveCountAsync(0);
        await alice.Page.ShouldShowNoErrorBoundaryAsync();
        alice.Problems.ShouldBeEmpty();
        _app.ErrorsLoggedSince(_outputMark).ShouldBeEmpty();
    }

    /// <summary>Counts main-frame navigations from now on (Blazor's enhanced navigation included).</summary>
    private static Func<int> CountNavigations(IPage page)
    {
        var count = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame) Interlocked.Increment(ref count);
        };
        return () => Volatile.Read(ref count);
    }

    public void Dispose()
    {
        foreach (var line in _app.WarningsLoggedSince(_outputMark)) output.WriteLine(line);
    }
}
