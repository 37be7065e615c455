using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace MailRelay.Tests.Unit;

/// <summary>What a lane asks of the shared allowance: once per lane while the user is under the limit (the DynamoDB cost), and when it is spent, the window's end.</summary>
public sealed class LaneImportsTests
{
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly IImportAllowance _allowance = Substitute.For<IImportAllowance>();
    private readonly InProcessImportAllowance _counted = new();

    public LaneImportsTests() =>
        _allowance.ReserveAsync(default!, default, default, default, default).ReturnsForAnyArgs(call =>
            _counted.ReserveAsync(call.ArgAt<string>(0), call.ArgAt<int>(1), call.ArgAt<int>(2), call.ArgAt<DateTimeOffset>(3), default));

    [Fact]
    public async Task TakeAsync_LaneUnderTheLimit_ReservesOnceForTheWholeLane()
    {
        var lane = Lane(DeliveryTarget.Gmail, deliveries: 3, limit: 600);

        for (var i = 0; i < 3; i++) (await lane.TakeAsync(default)).ShouldBeNull();

        await _allowance.Received(1).ReserveAsync(Arg.Any<string>(), Arg.Any<int>(), Arg.Any<int>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        await _allowance.Received(1).ReserveAsync("alice", 3, 600, TestClock.Start, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task TakeAsync_LocalMailboxLane_TakesNothingFromTheGmailAllowance()
    {
        var lane = Lane(DeliveryTarget.LocalMailbox, deliveries: 2, limit: 1);

        (await lane.TakeAsync(default)).ShouldBeNull();
        (await lane.TakeAsync(default)).ShouldBeNull();

        _allowance.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task TakeAsync_AllowanceSpent_SaysWhenTheWindowEnds_AndAsksAgainForWhatIsLeftOfTheLane()
    {
        _time.Advance(TimeSpan.FromSeconds(40));
        var lane = Lane(DeliveryTarget.Gmail, deliveries: 5, limit: 2);
        (await lane.TakeAsync(default)).ShouldBeNull();
        (await lane.TakeAsync(default)).ShouldBeNull();

        (await lane.TakeAsync(default)).ShouldBe(TestClock.Start.AddMinutes(1), "the third waits for the next minute");
        _time.Advance(TimeSpan.FromSeconds(20));
        (await lane.TakeAsync(default)).ShouldBeNull("the next minute grants again");

        // The lane's grant and the refusal in the first window, then the next window's grant: 2 of the 3 left.
        await _allowance.Received(2).ReserveAsync("alice", 2, 2, TestClock.Start.AddSeconds(40), Arg.Any<CancellationToken>());
        await _allowance.Received(1).ReserveAsync("alice", 2, 2, TestClock.Start.AddMinutes(1), Arg.Any<CancellationToken>());
        _allowance.ReceivedCalls().Count().ShouldBe(3);
    }

    private LaneImports Lane(DeliveryTarget target, int deliveries, int limit) =>
        new(_allowance, new Delivery(1, "m-1", 1, "alice@example.com", "alice", target, DeliveryStatus.Pending, 0, null, null, null, false, TestClock.Start, TestClock.Start),
            deliveries, limit, _time, NullLogger.Instance);
}
