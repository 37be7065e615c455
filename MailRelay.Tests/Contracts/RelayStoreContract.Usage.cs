using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    private static DateOnly Day0 => DateOnly.FromDateTime(T0.UtcDateTime);

    [Fact]
    public async Task ListUsage_DeliveriesOfTheDay_CountedPerUserByStatus()
    {
        await AddDeliveryAsync("alice", DeliveryStatus.Delivered, T0);
        await AddDeliveryAsync("alice", DeliveryStatus.Delivered, T0.AddHours(1));
        await AddDeliveryAsync("alice", DeliveryStatus.Queued, T0.AddHours(2));
        await AddDeliveryAsync("alice", DeliveryStatus.Failed, T0.AddHours(3));
        await AddDeliveryAsync("bob", DeliveryStatus.Retrying, T0);
        await AddDeliveryAsync("alice", DeliveryStatus.Delivered, T0.AddDays(1));

        var page = await Store.ListUsageAsync(new DayRange(Day0, Day0.AddDays(1)), 0, 10, default);

        page.Total.ShouldBe(3);
        page.Items.ShouldBe([
            new UsageRow(Day0.AddDays(1), "alice", 1, 1, 0, 0),
            new UsageRow(Day0, "alice", 4, 2, 1, 1),
            new UsageRow(Day0, "bob", 1, 0, 1, 0),
        ]);
    }

    [Fact]
    public async Task ListUsage_OutsideTheRange_NotCounted()
    {
        await AddDeliveryAsync("alice", DeliveryStatus.Delivered, T0.AddDays(-1));
        await AddDeliveryAsync("alice", DeliveryStatus.Delivered, T0.AddDays(2));

        var page = await Store.ListUsageAsync(new DayRange(Day0, Day0.AddDays(1)), 0, 10, default);

        page.Total.ShouldBe(0);
        page.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListUsage_Paged_ReturnsThePageAndTheTotal()
    {
        foreach (var offset in new[] { 0, 1, 2 }) await AddDeliveryAsync("alice", DeliveryStatus.Delivered, T0.AddDays(offset));

        var page = await Store.ListUsageAsync(new DayRange(Day0, Day0.AddDays(2)), 1, 1, default);

        page.Total.ShouldBe(3);
        page.Items.ShouldHaveSingleItem().Day.ShouldBe(Day0.AddDays(1));
    }

    [Fact]
    public async Task ListOutboundUsage_EventsCountedPerCredentialAndDay()
    {
        await Store.RecordOutboundEventAsync(Event("m1", OutboundEventType.Send, T0), "s1", default);
        await Store.RecordOutboundEventAsync(Event("m1", OutboundEventType.Bounce, T0.AddMinutes(1)), "s1", default);
        await Store.RecordOutboundEventAsync(Event("m2", OutboundEventType.Send, T0), "s1", default);
        await Store.RecordOutboundEventAsync(Event("m2", OutboundEventType.Delivery, T0), "s1", default);
        await Store.RecordOutboundEventAsync(Event("m2", OutboundEventType.Complaint, T0.AddDays(1)), "s1", default);
        await Store.RecordOutboundEventAsync(Event("m3", OutboundEventType.Send, T0), "", default);

        var page = await Store.ListOutboundUsageAsync(new DayRange(Day0, Day0.AddDays(1)), 0, 10, default);

        page.Items.ShouldBe([
            new OutboundUsageRow(Day0.AddDays(1), "s1", 0, 0, 0, 1),
            new OutboundUsageRow(Day0, "", 1, 0, 0, 0),
            new OutboundUsageRow(Day0, "s1", 2, 1, 1, 0),
        ]);
        page.Total.ShouldBe(3);
    }
}
