using Bunit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Web.Components.Pages;

namespace MailRelay.Tests.Components;

public sealed class MyQueueTests : RelayComponentTest
{
    [Fact]
    public async Task MyQueue_SignedInAsAlice_ShowsOnlyHerMessagesAndDeliveries()
    {
        await SeedMessageAsync("Alice waits", null, ("alice", DeliveryStatus.Queued));
        await SeedMessageAsync("Alice has it", null, ("alice", DeliveryStatus.Delivered));
        await SeedMessageAsync("Only for Bob", null, ("bob", DeliveryStatus.Queued));
        var shared = await SeedMessageAsync("For both", null, ("alice", DeliveryStatus.Delivered), ("bob", DeliveryStatus.Failed));
        SignInAs("alice");

        var page = Render<MyQueue>();

        page.WaitForAssertion(() => page.FindAll("tr.my-message").Count.ShouldBe(3));
        Subjects(page, "my-waiting").ShouldBe(["Alice waits"]);
        Subjects(page, "my-delivered").ShouldBe(["For both", "Alice has it"]);
        page.Markup.ShouldNotContain("Only for Bob");
        page.Find("#waiting-title").TextContent.ShouldStartWith("Waiting");
        // A message she shares with Bob shows her delivery only, not whether Bob got his.
        var sharedRow = page.Find($"[data-message-id='{shared}']").Closest("tr")!;
        sharedRow.QuerySelectorAll("[data-testid=delivery-status]").Select(s => s.GetAttribute("data-status")).ShouldBe(["Delivered"]);
        page.Find("[data-testid=my-waiting]").TextContent.ShouldContain("The Gmail connection expired.");
    }

    [Fact]
    public async Task MyQueue_DeliverNow_MakesHerQueuedMailDueAndAsksForwardingToRun()
    {
        var hers = await SeedMessageAsync("Alice waits", null, ("alice", DeliveryStatus.Queued));
        var his = await SeedMessageAsync("Bob waits", null, ("bob", DeliveryStatus.Queued));
        SignInAs("alice");
        var page = Render<MyQueue>();
        page.WaitForElement("[data-testid=deliver-now]");

        page.Find("[data-testid=deliver-now]").Click();

        page.WaitForAssertion(() => Forwarding.Calls.ShouldBe(1));
        (await Store.Deliveries.ListDeliveriesOfMessageAsync(hers, default)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Pending);
        (await Store.Deliveries.ListDeliveriesOfMessageAsync(his, default)).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Queued);
        page.WaitForAssertion(() => page.Find("[data-testid=my-waiting] [data-testid=delivery-status]").GetAttribute("data-status").ShouldBe("Pending"));
    }

    [Fact]
    public async Task MyQueue_DeliveryDoneWhileOpen_MovesToDeliveredWithoutReload()
    {
        var id = await SeedMessageAsync("Alice waits", null, ("alice", DeliveryStatus.Queued));
        SignInAs("alice");
        var page = Render<MyQueue>();
        page.WaitForAssertion(() => Subjects(page, "my-waiting").ShouldBe(["Alice waits"]));

        var delivery = (await Store.Deliveries.ListDeliveriesOfMessageAsync(id, default)).Single();
        (await Store.Deliveries.ChangeDeliveryStatusAsync(delivery.Id, [DeliveryStatus.Queued], DeliveryStatus.Delivered, null, "test", DateTimeOffset.UtcNow, default)).ShouldBeTrue();
        Events.Publish(new RelayChange("deliveries.changed", "alice", id));

        page.WaitForAssertion(() => Subjects(page, "my-delivered").ShouldBe(["Alice waits"]), TimeSpan.FromSeconds(5));
        page.Find("[data-testid=my-waiting]").TextContent.ShouldContain("Nothing is waiting");
        page.FindAll("[data-testid=deliver-now]").ShouldBeEmpty();
    }

    [Fact]
    public async Task MyQueue_MoreDeliveredThanAPage_ShowOlderReadsTheNextPageByCursor()
    {
        for (var i = 1; i <= 53; i++) await SeedMessageAsync($"Delivered {i:D2}", null, ("alice", DeliveryStatus.Delivered));
        await SeedMessageAsync("Bob's", null, ("bob", DeliveryStatus.Delivered));
        SignInAs("alice");
        var page = Render<MyQueue>();
        page.WaitForAssertion(() => Subjects(page, "my-delivered").Length.ShouldBe(50));

        page.Find("[data-testid=show-older]").Click();

        page.WaitForAssertion(() => Subjects(page, "my-delivered").ShouldBe(Enumerable.Range(1, 53).Reverse().Select(i => $"Delivered {i:D2}")));
        page.FindAll("[data-testid=show-older]").ShouldBeEmpty();
    }

    [Fact]
    public async Task MyQueue_NothingForHer_ShowsEmptyState()
    {
        await SeedMessageAsync("Only for Bob", null, ("bob", DeliveryStatus.Delivered));
        SignInAs("alice");

        var page = Render<MyQueue>();

        page.WaitForElement("[data-testid=empty-state]").TextContent.ShouldContain("No messages for you yet");
        page.Markup.ShouldNotContain("Only for Bob");
    }

    private static string[] Subjects(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> page, string section) =>
        page.Find($"[data-testid={section}]").QuerySelectorAll("[data-testid=my-message-subject]").Select(e => e.TextContent.Trim()).ToArray();
}
