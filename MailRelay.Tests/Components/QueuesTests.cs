using Bunit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Web.Components.Pages.Admin;

namespace MailRelay.Tests.Components;

public sealed class QueuesTests : RelayComponentTest
{
    [Fact]
    public async Task Queues_SeededStore_ShowsPerUserCountsAndMessageRows()
    {
        await SeedMessageAsync("First", null, ("alice", DeliveryStatus.Pending), ("bob", DeliveryStatus.Failed));
        await SeedMessageAsync("Second", null, ("alice", DeliveryStatus.Queued));
        await SeedMessageAsync("Third", null, ("bob", DeliveryStatus.Held), ("alice", DeliveryStatus.Delivered));
        await SeedMessageAsync("Unroutable", null, (null, DeliveryStatus.Held));
        Directory.CreateDirectory(InboxPath);
        await File.WriteAllTextAsync(Path.Combine(InboxPath, "waiting.eml"), "Subject: not read yet\r\n\r\nbody\r\n");
        SignInAs("admin", admin: true);

        var page = Render<Queues>();

        page.WaitForAssertion(() => page.FindAll("[data-message-id]").Count.ShouldBe(4));
        Counts(page, "alice").ShouldBe(new Dictionary<string, string> { ["pending"] = "1", ["queued"] = "1", ["retrying"] = "0", ["held"] = "0", ["failed"] = "0" });
        Counts(page, "bob").ShouldBe(new Dictionary<string, string> { ["pending"] = "0", ["queued"] = "0", ["retrying"] = "0", ["held"] = "1", ["failed"] = "1" });
        Counts(page, "")["held"].ShouldBe("1");
        page.Find("[data-testid=queue-summary] tr[data-user=alice] th").TextContent.ShouldBe("Alice (alice@localhost)".Split(" (")[0]);
        page.Find("[data-testid=queue-summary] tr[data-user=alice] [data-count=oldest]").TextContent.Trim().ShouldBe("just now");
        page.Find("[data-testid=inbox-waiting]").TextContent.ShouldContain("1");
        page.FindAll("[data-testid=message-subject]").Select(s => s.TextContent).ShouldBe(["Unroutable", "Third", "Second", "First"]);
        var first = page.FindAll("[data-message-id]").Select(c => c.ParentElement!).Single(r => r.TextContent.Contains("First"));
        first.QuerySelectorAll("[data-testid=delivery-status]").Select(s => (s.TextContent.Trim(), s.GetAttribute("data-status")))
            .ShouldBe([("Alice Pending", "Pending"), ("Bob Failed", "Failed")]);
    }

    [Fact]
    public async Task Queues_FlaggedMessage_ShowsItsProblemInTheListAndTheDetails()
    {
        const string problem = "Line 3 of the header block has no colon; the headers after it were not read.";
        var flagged = await SeedMessageAsync("Odd headers", problem, ("alice", DeliveryStatus.Delivered));
        await SeedMessageAsync("Fine", null, ("alice", DeliveryStatus.Delivered));
        SignInAs("admin", admin: true);
        var page = Render<Queues>();
        page.WaitForAssertion(() => page.FindAll("[data-message-id]").Count.ShouldBe(2));

        var cell = page.Find($"[data-message-id='{flagged}']");
        cell.GetAttribute("data-flagged").ShouldBe("true");
        var row = cell.ParentElement.ShouldNotBeNull();
        var flag = row.QuerySelector("[data-testid=message-flag]").ShouldNotBeNull();
        flag.GetAttribute("title").ShouldBe(problem);
        flag.GetAttribute("aria-label").ShouldBe($"Header problem: {problem}");
        page.FindAll("[data-testid=message-flag]").Count.ShouldBe(1);

        row.QuerySelector("button[aria-label='Details of Odd headers']").ShouldNotBeNull().Click();

        page.WaitForElement("[data-testid=detail-problem]").TextContent.Trim().ShouldBe(problem);
    }

    [Fact]
    public async Task Queues_MessageArrivesWhileOpen_ListAndCountsUpdateWithoutReload()
    {
        await SeedMessageAsync("Earlier", null, ("alice", DeliveryStatus.Delivered));
        SignInAs("admin", admin: true);
        var page = Render<Queues>();
        page.WaitForAssertion(() => page.FindAll("[data-message-id]").Count.ShouldBe(1));

        var id = await SeedMessageAsync("Just in", null, ("bob", DeliveryStatus.Pending));
        Events.Publish(new RelayChange("message.received", null, id));

        page.WaitForAssertion(() => page.FindAll("[data-testid=message-subject]").Select(s => s.TextContent).ShouldBe(["Just in", "Earlier"]), TimeSpan.FromSeconds(5));
        // The per-user counts are read again after the list: wait for them too.
        page.WaitForAssertion(() => Counts(page, "bob").GetValueOrDefault("pending").ShouldBe("1"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Queues_SearchText_ShowsOnlyMatchingMessagesFromTheFirstPage()
    {
        await SeedMessageAsync("Invoice March", null, ("alice", DeliveryStatus.Delivered));
        await SeedMessageAsync("Holiday photos", null, ("bob", DeliveryStatus.Delivered));
        await SeedMessageAsync("Invoice April", null, ("bob", DeliveryStatus.Failed));
        SignInAs("admin", admin: true);
        var page = Render<Queues>();
        page.WaitForAssertion(() => page.FindAll("[data-message-id]").Count.ShouldBe(3));

        page.Find("input#filter-text").Change("invoice");

        page.WaitForAssertion(() => page.FindAll("[data-testid=message-subject]").Select(s => s.TextContent).ShouldBe(["Invoice April", "Invoice March"]));
    }

    private static Dictionary<string, string> Counts(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string userId) =>
        page.FindAll($"[data-testid=queue-summary] tr[data-user='{userId}'] td[data-count]")
            .Where(c => c.GetAttribute("data-count") != "oldest")
            .ToDictionary(c => c.GetAttribute("data-count")!, c => c.TextContent.Trim());
}
