using MailRelay.Core.Metrics;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IMetricPointStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class MetricPointStoreContract : StoreContract
{
    private static readonly DateTimeOffset Minute0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveMetricPoints_ThenList_ReturnsTotalsAndUsersInMinuteOrder()
    {
        await Stores.Metrics.SaveMetricPointsAsync(
        [
            new(Minute0.AddMinutes(1), "QueueDepth", null, 3),
            new(Minute0, "QueueDepth", null, 2),
            new(Minute0, "QueueDepth", "alice", 1.5),
            new(Minute0, "QueueDepth", "", 1),
        ], default);

        var points = await Stores.Metrics.ListMetricPointsAsync(Minute0, Minute0.AddMinutes(5), default);

        points.Select(p => (p.Minute, p.Name, p.UserId, p.Value)).ShouldBe(
        [
            (Minute0, "QueueDepth", null, 2),
            (Minute0, "QueueDepth", "", 1),
            (Minute0, "QueueDepth", "alice", 1.5),
            (Minute0.AddMinutes(1), "QueueDepth", null, 3),
        ], ignoreOrder: true);
        points.Select(p => p.Minute).ShouldBeInOrder();
    }

    [Fact]
    public async Task SaveMetricPoints_SameMinuteNameAndUserAgain_ReplacesInsteadOfDoubling()
    {
        await Stores.Metrics.SaveMetricPointsAsync([new(Minute0, "Delivered", null, 4), new(Minute0, "Delivered", "bob", 1)], default);
        await Stores.Metrics.SaveMetricPointsAsync([new(Minute0, "Delivered", null, 5)], default);

        var points = await Stores.Metrics.ListMetricPointsAsync(Minute0, Minute0.AddMinutes(1), default);

        points.Count.ShouldBe(2);
        points.Single(p => p.UserId is null).Value.ShouldBe(5);
        points.Single(p => p.UserId == "bob").Value.ShouldBe(1);
    }

    [Fact]
    public async Task ListMetricPoints_RangeIsFromInclusiveToExclusive()
    {
        await Stores.Metrics.SaveMetricPointsAsync([.. Enumerable.Range(0, 4).Select(i => new MetricPoint(Minute0.AddMinutes(i), "QueueDepth", null, i))], default);

        var points = await Stores.Metrics.ListMetricPointsAsync(Minute0.AddMinutes(1), Minute0.AddMinutes(3), default);

        points.Select(p => p.Value).ShouldBe([1d, 2d]);
    }

    [Fact]
    public async Task PruneMetricPoints_RemovesOnlyOlderMinutes_AndCountsThem()
    {
        await Stores.Metrics.SaveMetricPointsAsync(
        [
            new(Minute0.AddDays(-8), "QueueDepth", null, 1),
            new(Minute0.AddDays(-8), "QueueDepth", "alice", 1),
            new(Minute0.AddDays(-7), "QueueDepth", null, 2),
            new(Minute0, "QueueDepth", null, 3),
        ], default);

        var pruned = await Stores.Metrics.PruneMetricPointsAsync(Minute0.AddDays(-7), default);

        pruned.ShouldBe(2);
        (await Stores.Metrics.ListMetricPointsAsync(DateTimeOffset.UnixEpoch, Minute0.AddDays(1), default)).Select(p => p.Value).ShouldBe([2d, 3d]);
    }

    [Fact]
    public async Task SaveMetricPoints_Nothing_IsANoOp()
    {
        await Stores.Metrics.SaveMetricPointsAsync([], default);

        (await Stores.Metrics.ListMetricPointsAsync(DateTimeOffset.UnixEpoch, Minute0.AddDays(1), default)).ShouldBeEmpty();
    }
}
