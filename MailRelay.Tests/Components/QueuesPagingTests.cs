using Bunit;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace MailRelay.Tests.Components;

/// <summary>The Queues table pages by cursor: the next page carries the cursor the page before returned.</summary>
public sealed class QueuesPagingTests : RelayComponentTest
{
    private async Task<RecordingMessageStore> SeedAsync(int messages, bool uncounted)
    {
        for (var i = 1; i <= messages; i++) await SeedMessageAsync($"Message {i:D2}", null, ("alice", DeliveryStatus.Pending));
        var store = new RecordingMessageStore(Store.Messages) { Uncounted = uncounted };
        Services.AddSingleton<IMessageStore>(store);
        SignInAs("admin", admin: true);
        return store;
    }

    [Fact]
    public async Task Queues_NextPage_IsReadByTheCursorOfTheFirst()
    {
        var store = await SeedAsync(30, uncounted: false);
        var page = Render<Queues>();
        page.WaitForAssertion(() => page.FindAll("[data-message-id]").Count.ShouldBe(25));

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=message-subject]").Select(s => s.TextContent).ShouldBe(
            ["Message 05", "Message 04", "Message 03", "Message 02", "Message 01"]));
        var second = store.Requests[^1];
        (second.Skip, second.Take).ShouldBe((25, 25));
        second.After.ShouldNotBeNull();
        page.Markup.ShouldContain("26-30 of 30");
    }

    [Fact]
    public async Task Queues_UncountedList_SaysOfMoreUntilTheLastPage()
    {
        await SeedAsync(30, uncounted: true);
        var page = Render<Queues>();
        page.WaitForAssertion(() => page.Markup.ShouldContain("1-25 of more"));

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => page.Markup.ShouldContain("26-30 of 30"));
    }
}
