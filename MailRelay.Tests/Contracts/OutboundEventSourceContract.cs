using MailRelay.Core.Outbound;
using MailRelay.Tests.Unit;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Contracts;

/// <summary>
/// What every <see cref="IOutboundEventSource"/> adapter must do with the SES events it is given:
/// usable events come out parsed until acknowledged, event types MailRelay does not count are
/// dropped, and unusable bodies never come out but stay where an admin can look. Time is a fake
/// clock: the adapters hide and release events by it.
/// </summary>
public abstract class OutboundEventSourceContract : IAsyncLifetime
{
    private const string BounceMessageId = "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000";

    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddMinutes(1));

    protected IOutboundEventSource Source { get; private set; } = null!;

    /// <summary>How long an event that was received but not acknowledged stays hidden.</summary>
    protected abstract TimeSpan RedeliveryAfter { get; }

    protected abstract Task<IOutboundEventSource> CreateSourceAsync();

    /// <summary>Puts one body (an SES event, raw or in its SNS envelope, or anything else) into the source.</summary>
    protected abstract Task PutAsync(string body);

    /// <summary>The bodies the source still holds, received or not, excluding those kept aside for an admin.</summary>
    protected abstract Task<IReadOnlyList<string>> WaitingBodiesAsync();

    /// <summary>Asserts that <paramref name="body"/> is kept where an admin can look (a folder, the queue its DLQ drains).</summary>
    protected abstract Task ShouldBeKeptForAnAdminAsync(string body);

    public async Task InitializeAsync() => Source = await CreateSourceAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private void PastRedelivery() => Clock.Advance(RedeliveryAfter + TimeSpan.FromSeconds(1));

    private async Task<IReadOnlyList<OutboundEventItem>> ReceiveAsync(int max = 10) => await Source.ReceiveAsync(max, default);

    [Theory]
    [InlineData("bounce.json")]
    [InlineData("sns-bounce.json")]
    public async Task Receive_BounceRawOrInItsSnsEnvelope_ComesOutParsed(string fixture)
    {
        await PutAsync(SesEventParserTests.Fixture(fixture));

        var item = (await ReceiveAsync()).ShouldHaveSingleItem();

        item.Handle.ShouldNotBeNullOrWhiteSpace();
        item.Event.SesMessageId.ShouldBe(BounceMessageId);
        item.Event.Type.ShouldBe(OutboundEventType.Bounce);
        item.Event.CallerIdentity.ShouldBe("mr-billing");
    }

    [Fact]
    public async Task Acknowledge_RemovesTheEventForGood()
    {
        await PutAsync(SesEventParserTests.Fixture("bounce.json"));
        var item = (await ReceiveAsync()).ShouldHaveSingleItem();

        await Source.AcknowledgeAsync(item, default);
        PastRedelivery();

        (await ReceiveAsync()).ShouldBeEmpty();
        (await WaitingBodiesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task NotAcknowledged_IsReceivedAgainLater_TheSameEvent()
    {
        await PutAsync(SesEventParserTests.Fixture("delivery.json"));
        var first = (await ReceiveAsync()).ShouldHaveSingleItem();

        PastRedelivery();
        var again = (await ReceiveAsync()).ShouldHaveSingleItem();

        again.Event.ShouldBe(first.Event);
    }

    [Fact]
    public async Task Receive_AnEventTypeNotCounted_IsDroppedWithoutComingOut()
    {
        await PutAsync(SesEventParserTests.Fixture("open.json"));

        (await ReceiveAsync()).ShouldBeEmpty();
        PastRedelivery();

        (await ReceiveAsync()).ShouldBeEmpty();
        (await WaitingBodiesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Receive_AnUnusableBody_NeverComesOut_AndIsKeptForAnAdmin()
    {
        const string Unusable = "{\"eventType\":\"Bounce\"}";
        await PutAsync(Unusable);
        await PutAsync(SesEventParserTests.Fixture("send.json"));

        var item = (await ReceiveAsync()).ShouldHaveSingleItem();

        item.Event.Type.ShouldBe(OutboundEventType.Send);
        await ShouldBeKeptForAnAdminAsync(Unusable);
    }

    [Fact]
    public async Task Receive_MoreWaitingThanAsked_ReturnsAtMostMaxItems_AndTheRestNextTime()
    {
        foreach (var fixture in new[] { "bounce.json", "delivery.json", "send.json" })
            await PutAsync(SesEventParserTests.Fixture(fixture));

        var first = await ReceiveAsync(max: 2);
        foreach (var item in first) await Source.AcknowledgeAsync(item, default);
        var rest = await ReceiveAsync();

        first.Count.ShouldBe(2);
        rest.ShouldHaveSingleItem();
        first.Concat(rest).Select(i => i.Event.Type).ShouldBe([OutboundEventType.Bounce, OutboundEventType.Delivery, OutboundEventType.Send], ignoreOrder: true);
    }
}
