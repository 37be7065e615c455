using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Outbound;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IUsageStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract partial class UsageStoreContract : StoreContract
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

        var page = await Stores.Usage.ListUsageAsync(new DayRange(Day0, Day0.AddDays(1)), new PageRequest(0, 10), default);

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

        var page = await Stores.Usage.ListUsageAsync(new DayRange(Day0, Day0.AddDays(1)), new PageRequest(0, 10), default);

        page.Total.ShouldBe(0);
        page.Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListUsage_Paged_ReturnsThePageAndTheTotal()
    {
        foreach (var offset in new[] { 0, 1, 2 }) await AddDeliveryAsync("alice", DeliveryStatus.Delivered, T0.AddDays(offset));

        var page = await Stores.Usage.ListUsageAsync(new DayRange(Day0, Day0.AddDays(2)), new PageRequest(1, 1), default);

        page.Total.ShouldBe(3);
        page.Items.ShouldHaveSingleItem().Day.ShouldBe(Day0.AddDays(1));
    }

    [Fact]
    public async Task ListOutboundUsage_EventsCountedPerCredentialAndDay()
    {
        await Stores.Usage.RecordOutboundEventAsync(Event("m1", OutboundEventType.Send, T0), "s1", default);
        await Stores.Usage.RecordOutboundEventAsync(Event("m1", OutboundEventType.Bounce, T0.AddMinutes(1)), "s1", default);
        await Stores.Usage.RecordOutboundEventAsync(Event("m2", OutboundEventType.Send, T0), "s1", default);
        await Stores.Usage.RecordOutboundEventAsync(Event("m2", OutboundEventType.Delivery, T0), "s1", default);
        await Stores.Usage.RecordOutboundEventAsync(Event("m2", OutboundEventType.Complaint, T0.AddDays(1)), "s1", default);
        await Stores.Usage.RecordOutboundEventAsync(Event("m3", OutboundEventType.Send, T0), "", default);

        var page = await Stores.Usage.ListOutboundUsageAsync(new DayRange(Day0, Day0.AddDays(1)), new PageRequest(0, 10), default);

        page.Items.ShouldBe([
            new OutboundUsageRow(Day0.AddDays(1), "s1", 0, 0, 0, 1),
            new OutboundUsageRow(Day0, "", 1, 0, 0, 0),
            new OutboundUsageRow(Day0, "s1", 2, 1, 1, 0),
        ]);
        page.Total.ShouldBe(3);
    }

    private static OutboundEvent Event(string messageId, OutboundEventType type, DateTimeOffset at) =>
        new(messageId, type, at, "mr-s1", "billing@example.com", null, 1);

    [Fact]
    public async Task RecordOutboundEvent_SameMessageAndTypeTwice_CountedOnce()
    {
        (await Stores.Usage.RecordOutboundEventAsync(Event("m1", OutboundEventType.Bounce, T0), "s1", default)).ShouldBeTrue();
        (await Stores.Usage.RecordOutboundEventAsync(Event("m1", OutboundEventType.Bounce, T0.AddMinutes(5)), "s1", default)).ShouldBeFalse();

        (await Stores.Usage.SummarizeOutboundAsync(T0.AddDays(-1), default)).ShouldHaveSingleItem().Bounces.ShouldBe(1);
    }

    [Fact]
    public async Task RecordOutboundEvent_SameMessageOtherType_CountedSeparately()
    {
        (await Stores.Usage.RecordOutboundEventAsync(Event("m1", OutboundEventType.Send, T0), "s1", default)).ShouldBeTrue();
        (await Stores.Usage.RecordOutboundEventAsync(Event("m1", OutboundEventType.Bounce, T0), "s1", default)).ShouldBeTrue();

        (await Stores.Usage.SummarizeOutboundAsync(T0.AddDays(-1), default)).ShouldBe([new OutboundRates("s1", 1, 0, 1, 0)]);
    }

    [Fact]
    public async Task SummarizeOutbound_OnlyEventsSinceTheGivenTime_PerCredential()
    {
        await Stores.Usage.RecordOutboundEventAsync(Event("old", OutboundEventType.Bounce, T0.AddDays(-40)), "s1", default);
        await Stores.Usage.RecordOutboundEventAsync(Event("m1", OutboundEventType.Send, T0), "s1", default);
        await Stores.Usage.RecordOutboundEventAsync(Event("m2", OutboundEventType.Send, T0), "s2", default);
        await Stores.Usage.RecordOutboundEventAsync(Event("m2", OutboundEventType.Complaint, T0), "s2", default);

        var rates = await Stores.Usage.SummarizeOutboundAsync(T0.AddDays(-30), default);

        rates.ShouldBe([new OutboundRates("s1", 1, 0, 0, 0), new OutboundRates("s2", 1, 0, 0, 1)]);
    }
}
