using MailRelay.Core.Cluster;
using MailRelay.Core.Cluster.Adapters;
using MailRelay.Core.Common;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

/// <summary>
/// Two instances (two <see cref="ClusterChangeRelay"/>s with their own <see cref="RelayEvents"/>) over
/// one feed: what happens on one is published on the other once, coalesced, and never echoed back.
/// </summary>
public sealed class ClusterChangeRelayTests : IDisposable
{
    private static readonly RelayChange AliceDelivered = new("deliveries.changed", "sub-alice", null);

    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly InProcessRelayChangeFeed _feed = new();
    private readonly RelayEvents _eventsA = new();
    private readonly RelayEvents _eventsB = new();
    private readonly ClusterChangeRelay _a;
    private readonly ClusterChangeRelay _b;
    private readonly List<RelayChange> _seenOnA = [];
    private readonly List<RelayChange> _seenOnB = [];

    public ClusterChangeRelayTests()
    {
        _a = new ClusterChangeRelay(_feed, _eventsA, new ClusterInstance(), _time);
        _b = new ClusterChangeRelay(_feed, _eventsB, new ClusterInstance(), _time);
        _eventsA.Changed += _seenOnA.Add;
        _eventsB.Changed += _seenOnB.Add;
    }

    [Fact]
    public async Task Receive_AChangeSentByAnotherInstance_IsPublishedHereOnce()
    {
        _eventsA.Publish(AliceDelivered);
        await _a.SendAsync(default);

        await _b.ReceiveAsync(default);
        _time.Advance(ClusterChangeRelay.Interval);
        await _b.ReceiveAsync(default);

        _seenOnB.ShouldBe([AliceDelivered]);
    }

    [Fact]
    public async Task Send_AChangeReceivedFromElsewhere_IsNotSentBack()
    {
        _eventsA.Publish(AliceDelivered);
        await _a.SendAsync(default);
        await _b.ReceiveAsync(default);

        await _b.SendAsync(default);
        await _a.ReceiveAsync(default);

        _seenOnA.ShouldBe([AliceDelivered], "A saw its own change once, and nothing came back from B");
        (await _feed.ReadAsync(_time.GetUtcNow().AddMinutes(-1), _time.GetUtcNow().AddMinutes(1), "nobody", default)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Send_ABurstOfDeliveries_AppendsOneBatchWithOneChangePerUser()
    {
        for (var i = 0; i < 50; i++) _eventsA.Publish(AliceDelivered with { MessageId = $"m{i}" });
        _eventsA.Publish(new RelayChange("deliveries.changed", "sub-bob", "m-bob"));

        await _a.SendAsync(default);
        await _a.SendAsync(default);

        var batch = (await _feed.ReadAsync(_time.GetUtcNow().AddMinutes(-1), _time.GetUtcNow().AddMinutes(1), "nobody", default)).ShouldHaveSingleItem();
        batch.Changes.ShouldBe([AliceDelivered, new RelayChange("deliveries.changed", "sub-bob", "m-bob")], ignoreOrder: true);
    }

    [Fact]
    public void Coalesce_MoreUsersThanABatchHolds_KeepsOneChangePerKind()
    {
        var changes = Enumerable.Range(0, RelayChangeCoalescing.MaxChanges + 1).Select(i => new RelayChange("deliveries.changed", $"user-{i}", null))
            .Append(new RelayChange("gmail.changed", "sub-alice", null));

        RelayChangeCoalescing.Coalesce(changes).ShouldBe([new RelayChange("deliveries.changed", null, null), new RelayChange("gmail.changed", null, null)]);
    }

    public void Dispose()
    {
        _a.Dispose();
        _b.Dispose();
    }
}
