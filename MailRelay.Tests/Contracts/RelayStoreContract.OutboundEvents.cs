using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    private static OutboundEvent Event(string messageId, OutboundEventType type, DateTimeOffset at) =>
        new(messageId, type, at, "mr-s1", "billing@example.com", null, 1);

    [Fact]
    public async Task RecordOutboundEvent_SameMessageAndTypeTwice_CountedOnce()
    {
        (await Store.RecordOutboundEventAsync(Event("m1", OutboundEventType.Bounce, T0), "s1", default)).ShouldBeTrue();
        (await Store.RecordOutboundEventAsync(Event("m1", OutboundEventType.Bounce, T0.AddMinutes(5)), "s1", default)).ShouldBeFalse();

        (await Store.SummarizeOutboundAsync(T0.AddDays(-1), default)).ShouldHaveSingleItem().Bounces.ShouldBe(1);
    }

    [Fact]
    public async Task RecordOutboundEvent_SameMessageOtherType_CountedSeparately()
    {
        (await Store.RecordOutboundEventAsync(Event("m1", OutboundEventType.Send, T0), "s1", default)).ShouldBeTrue();
        (await Store.RecordOutboundEventAsync(Event("m1", OutboundEventType.Bounce, T0), "s1", default)).ShouldBeTrue();

        (await Store.SummarizeOutboundAsync(T0.AddDays(-1), default)).ShouldBe([new OutboundRates("s1", 1, 0, 1, 0)]);
    }

    [Fact]
    public async Task SummarizeOutbound_OnlyEventsSinceTheGivenTime_PerCredential()
    {
        await Store.RecordOutboundEventAsync(Event("old", OutboundEventType.Bounce, T0.AddDays(-40)), "s1", default);
        await Store.RecordOutboundEventAsync(Event("m1", OutboundEventType.Send, T0), "s1", default);
        await Store.RecordOutboundEventAsync(Event("m2", OutboundEventType.Send, T0), "s2", default);
        await Store.RecordOutboundEventAsync(Event("m2", OutboundEventType.Complaint, T0), "s2", default);

        var rates = await Store.SummarizeOutboundAsync(T0.AddDays(-30), default);

        rates.ShouldBe([new OutboundRates("s1", 1, 0, 0, 0), new OutboundRates("s2", 1, 0, 0, 1)]);
    }
}
