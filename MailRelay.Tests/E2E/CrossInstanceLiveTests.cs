using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Routing;
using MailRelay.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace MailRelay.Tests.E2E;

/// <summary>
/// Issue 14, acceptance 5: pages across instances. Alice's page is served by one instance (the
/// affinity proxy keeps her there) while the other instance takes her mail from SQS and imports it
/// into her Gmail; the change reaches her open My queue through the shared change feed, without a reload.
/// </summary>
public sealed class CrossInstanceLiveTests(BrowserFixture browser, AwsTwoInstancesFixture cluster, ITestOutputHelper output)
    : IClassFixture<BrowserFixture>, IClassFixture<AwsTwoInstancesFixture>, IDisposable
{
    private const string Recipient = "alice@mail.example.com";
    private const string AliceId = "sub-alice";

    // The other instance relays a change within a few seconds (a send and a read a second apart).
    private static readonly LocatorAssertionsToHaveCountOptions WithinRelay = new() { Timeout = 30_000 };

    private readonly int _pageMark = cluster.PageInstance.OutputMark;
    private readonly int _workMark = cluster.WorkInstance.OutputMark;

    [Fact]
    public async Task MyQueueOpenOnOneInstance_OtherInstanceDeliversHerMail_MessageAppearsWithoutReload()
    {
        var front = cluster.Front;
        await using var alice = await browser.NewSessionAsync(front.BaseUrl);
        var page = alice.Page;
        await page.SignInWithOidcAsync("alice", expectedPath: "/");
        await page.ShouldHaveLiveCircuitAsync();
        await RouteToAliceAsync();
        await page.OpenFromNavAsync("/my/gmail", "My Gmail");
        await page.GetByTestId("gmail-connect").GetByRole(AriaRole.Button).ClickAsync();
        await page.WaitForURLAsync($"{front.BaseUrl}/my/gmail?gmail=connected");
        await Expect(page.GetByTestId("gmail-state")).ToHaveTextAsync("Connected");

        await page.OpenFromNavAsync("/my/queue", "My queue");
        await page.SetMarkerAsync();
        var navigations = 0;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame) Interlocked.Increment(ref navigations);
        };
        var subject = $"Delivered by the other instance {Guid.NewGuid():N}";
        await cluster.Aws.SendThroughSesAsync(Recipient, subject);

        var mine = page.GetByTestId("my-delivered").Locator("tr.my-message").Filter(new() { HasText = subject });
        await Expect(mine).ToHaveCountAsync(1, WithinRelay);
        await Expect(mine.GetByTestId("delivery-status")).ToHaveAttributeAsync("data-status", "Delivered");
        cluster.Aws.Google.Mailbox(AwsAppFixture.AliceGmail).Count.ShouldBe(1);

        // The work instance delivered it; the page instance served every request of her browser and delivered nothing.
        cluster.WorkInstance.OutputSince(_workMark).ShouldContain(line => line.Contains("delivered to", StringComparison.Ordinal) && line.Contains(AliceId, StringComparison.Ordinal));
        cluster.PageInstance.OutputSince(_pageMark).ShouldNotContain(line => line.Contains("delivered to", StringComparison.Ordinal));
        front.RequestsTo(AwsTwoInstancesFixture.WorkInstanceName).ShouldBe(0);
        front.RequestsTo(AwsTwoInstancesFixture.PageInstanceName).ShouldBeGreaterThan(0);
        (await page.EvaluateAsync<string?>(MailRelayPage.Marker)).ShouldBe("kept", "My queue was reloaded");
        Volatile.Read(ref navigations).ShouldBe(0);
        await page.ShouldShowNoErrorBoundaryAsync();
        alice.Problems.ShouldBeEmpty();
        cluster.PageInstance.ErrorsLoggedSince(_pageMark).ShouldBeEmpty();
        cluster.WorkInstance.ErrorsLoggedSince(_workMark).ShouldBeEmpty();
    }

    /// <summary>Alice's address to her Gmail, written to the shared table as the admin's Routes page would (her user exists once she signed in).</summary>
    private async Task RouteToAliceAsync()
    {
        var settings = new DynamoDbSettings { TableName = AwsAppFixture.TableName, Region = "eu-west-1", ServiceUrl = cluster.Aws.Dynalite.ServiceUrl };
        using var client = cluster.Aws.Dynalite.CreateClient(settings);
        await StorePorts.DynamoDb(client, settings).Routes.SaveRouteAsync(
            new MailRoute(0, Recipient, [new RouteAction(RouteActionKind.Gmail, AliceId)], HoldSpam: false, DateTimeOffset.UtcNow), default);
    }

    public void Dispose()
    {
        foreach (var line in cluster.PageInstance.WarningsLoggedSince(_pageMark)) output.WriteLine("page instance: " + line);
        foreach (var line in cluster.WorkInstance.WarningsLoggedSince(_workMark)) output.WriteLine("work instance: " + line);
    }
}
