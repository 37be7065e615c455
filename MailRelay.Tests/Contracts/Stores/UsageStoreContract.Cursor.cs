using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Outbound;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>The usage lists' cursor paging.</summary>
public abstract partial class UsageStoreContract
{
    [Fact]
    public async Task ListUsage_WalkedByNextCursors_EveryRowOnceInSkipOrder()
    {
        foreach (var offset in new[] { 0, 1, 3 })
            foreach (var user in new[] { "carol", "alice", "bob" })
                await AddDeliveryAsync(user, DeliveryStatus.Delivered, T0.AddDays(offset));
        var range = new DayRange(Day0, Day0.AddDays(3));
        Func<PageRequest, Task<Page<UsageRow>>> list = page => Stores.Usage.ListUsageAsync(range, page, default);

        var byCursor = await PageWalk.ByCursorAsync(list, 2, r => (r.Day, r.UserId));

        byCursor.Count.ShouldBe(9);
        byCursor.ShouldBe(await PageWalk.BySkipAsync(list, 2, r => (r.Day, r.UserId)));
        (await list(PageRequest.First(2))).Total.ShouldBe(9);
    }

    [Fact]
    public async Task ListOutboundUsage_WalkedByNextCursors_EveryRowOnce_AndAForeignCursorIsRefused()
    {
        foreach (var offset in new[] { 0, 1, 2 })
            foreach (var credential in new[] { "s2", "s1" })
                await Stores.Usage.RecordOutboundEventAsync(Event($"m{offset}{credential}", OutboundEventType.Send, T0.AddDays(offset)), credential, default);
        var range = new DayRange(Day0, Day0.AddDays(2));
        Func<PageRequest, Task<Page<OutboundUsageRow>>> list = page => Stores.Usage.ListOutboundUsageAsync(range, page, default);

        var byCursor = await PageWalk.ByCursorAsync(list, 4, r => (r.Day, r.SmtpUserId));

        byCursor.ShouldBe(await PageWalk.BySkipAsync(list, 4, r => (r.Day, r.SmtpUserId)));
        byCursor.Count.ShouldBe(6);
        var next = (await list(PageRequest.First(1))).Next.ShouldNotBeNull();
        await Should.ThrowAsync<InvalidCursorException>(() => Stores.Usage.ListOutboundUsageAsync(range with { To = Day0.AddDays(1) }, new PageRequest(1, 1, next), default));
        await Should.ThrowAsync<InvalidCursorException>(() => Stores.Usage.ListUsageAsync(range, new PageRequest(1, 1, next), default));
    }
}
