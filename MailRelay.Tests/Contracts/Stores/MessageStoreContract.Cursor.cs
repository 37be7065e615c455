using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Queues;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>The message list's cursor paging: every adapter walks the same pages by cursor as by skip.</summary>
public abstract partial class MessageStoreContract
{
    private async Task SeedMessagesAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var status = i % 3 == 0 ? DeliveryStatus.Held : DeliveryStatus.Pending;
            await AddMessageAsync($"m-{i:D2}", T0.AddMinutes(i), i % 2 == 0 ? [To("alice", status), To("bob")] : [To("bob", status)]);
        }
    }

    private Func<PageRequest, Task<Page<MessageListItem>>> Messages(MessageFilter filter) => page => Stores.Messages.ListMessagesAsync(filter, page, default);

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("alice", null, null)]
    [InlineData(null, DeliveryStatus.Held, null)]
    [InlineData("bob", DeliveryStatus.Held, null)]
    [InlineData(null, null, "m-1")]
    public async Task ListMessages_WalkedByNextCursors_EveryMessageOnceInSkipOrder(string? user, DeliveryStatus? status, string? text)
    {
        await SeedMessagesAsync(13);
        var filter = new MessageFilter(user, status, text);

        var byCursor = await PageWalk.ByCursorAsync(Messages(filter), 3, i => i.Message.Id);
        var bySkip = await PageWalk.BySkipAsync(Messages(filter), 3, i => i.Message.Id);

        byCursor.ShouldNotBeEmpty();
        byCursor.ShouldBe(bySkip);
        byCursor.ShouldBeUnique();
    }

    [Fact]
    public async Task ListMessages_LastPage_HasNoNextAndAKnownTotal()
    {
        await SeedMessagesAsync(4);
        var first = await Stores.Messages.ListMessagesAsync(new MessageFilter(UserId: "bob"), PageRequest.First(3), default);

        var last = await Stores.Messages.ListMessagesAsync(new MessageFilter(UserId: "bob"), new PageRequest(3, 3, first.Next), default);

        first.Total.ShouldBeOneOf(4, Paging.UnknownTotal);
        (last.Items.Count, last.Next, last.Total).ShouldBe((1, null, 4));
    }

    [Fact]
    public async Task ListMessages_MalformedOrForeignCursor_IsRefusedAsInvalid()
    {
        await SeedMessagesAsync(4);
        var alices = (await Stores.Messages.ListMessagesAsync(new MessageFilter(UserId: "alice"), PageRequest.First(1), default)).Next.ShouldNotBeNull();

        foreach (var cursor in PageWalk.Malformed(alices))
            (await Should.ThrowAsync<InvalidCursorException>(() => Stores.Messages.ListMessagesAsync(new MessageFilter(UserId: "alice"), new PageRequest(1, 1, cursor), default)))
                .ParamName.ShouldBe("after");
        // Alice's cursor does not open Bob's list: a cursor belongs to its filter, user included.
        await Should.ThrowAsync<ArgumentException>(() => Stores.Messages.ListMessagesAsync(new MessageFilter(UserId: "bob"), new PageRequest(1, 1, alices), default));
    }
}
