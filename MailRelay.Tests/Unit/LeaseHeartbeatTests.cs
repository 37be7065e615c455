using MailRelay.Core.Forwarding;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace MailRelay.Tests.Unit;

public sealed class LeaseHeartbeatTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly IDeliveryStore _store = Substitute.For<IDeliveryStore>();

    private LeaseHeartbeat Start(params long[] ids) =>
        new(_store, "node-a", ids, _time.GetUtcNow() + Lease, Lease, _time, NullLogger.Instance);

    [Fact]
    public async Task Beat_EveryThirdOfTheLease_RenewsWhatIsHeld_FromNow()
    {
        _store.RenewLeasesAsync("node-a", Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(call => call.ArgAt<IReadOnlyCollection<long>>(1).ToList());
        await using var heartbeat = Start(1, 2, 3);

        heartbeat.Forget([2]);
        for (var beat = 1; beat <= 3; beat++)
        {
            _time.Advance(Lease / 3);
            await WaitForCallsAsync(beat);
        }

        await _store.Received(1).RenewLeasesAsync("node-a", Arg.Is<IReadOnlyCollection<long>>(ids => ids.Order().SequenceEqual(new long[] { 1, 3 })),
            TestClock.Start + Lease / 3 + Lease, Arg.Any<CancellationToken>());
        await RelayHost.EventuallyAsync(() => Task.FromResult(heartbeat.Holds(1)), "held past the first lease (30 s)", TimeSpan.FromSeconds(5));
        heartbeat.Holds(2).ShouldBeTrue("forgotten is not lost: the batch is simply done with it");
    }

    [Fact]
    public async Task Holds_RenewalRefusedForOne_FalseForThatOneOnly()
    {
        _store.RenewLeasesAsync("node-a", Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(new List<long> { 1 });
        await using var heartbeat = Start(1, 2);

        _time.Advance(Lease / 3);
        await RelayHost.EventuallyAsync(() => Task.FromResult(!heartbeat.Holds(2)), "the refusal is noted", TimeSpan.FromSeconds(5));

        heartbeat.Holds(1).ShouldBeTrue();
        heartbeat.Holds(2).ShouldBeFalse();
    }

    [Fact]
    public async Task Holds_RenewalsFailing_TrueUntilTheLastLeaseEnds_ThenFalse()
    {
        _store.RenewLeasesAsync("node-a", Arg.Any<IReadOnlyCollection<long>>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new TimeoutException("the store is away"));
        await using var heartbeat = Start(1);

        _time.Advance(Lease - TimeSpan.FromSeconds(1));
        await WaitForCallsAsync(1);
        var beforeEnd = heartbeat.Holds(1);
        _time.Advance(TimeSpan.FromSeconds(1));

        beforeEnd.ShouldBeTrue();
        heartbeat.Holds(1).ShouldBeFalse("nothing may be delivered on a lease that may have run out");
    }

    [Fact]
    public async Task Dispose_StopsTheBeat()
    {
        var heartbeat = Start(1);
        await heartbeat.DisposeAsync();

        _time.Advance(Lease * 2);

        await _store.DidNotReceiveWithAnyArgs().RenewLeasesAsync(default!, default!, default, default);
    }

    private async Task WaitForCallsAsync(int count) =>
        await RelayHost.EventuallyAsync(() => Task.FromResult(_store.ReceivedCalls().Count() >= count), $"{count} renewal(s)", TimeSpan.FromSeconds(5));
}
