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

    [Fact]
    public async Task AddOutcomes_FromTwoInstances_SumsPerMinute()
    {
        await Task.WhenAll(
            Stores.Metrics.AddOutcomesAsync(Minute0, new OutcomeCounts(2, 1, 0), default),
            Stores.Metrics.AddOutcomesAsync(Minute0, new OutcomeCounts(3, 0, 1), default));
        await Stores.Metrics.AddOutcomesAsync(Minute0.AddMinutes(1), new OutcomeCounts(1, 0, 0), default);

        var outcomes = await Stores.Metrics.ListOutcomesAsync(Minute0, Minute0.AddMinutes(5), default);

        outcomes.ShouldBe([new OutcomeMinute(Minute0, new OutcomeCounts(5, 1, 1)), new OutcomeMinute(Minute0.AddMinutes(1), new OutcomeCounts(1, 0, 0))]);
        (await Stores.Metrics.ListOutcomesAsync(Minute0.AddMinutes(1), Minute0.AddMinutes(2), default)).ShouldHaveSingleItem().Minute.ShouldBe(Minute0.AddMinutes(1));
    }

    [Fact]
    public async Task AddOutcomes_ThenSaveGauges_ListsBothAsPointsOfTheMinute()
    {
        await Stores.Metrics.AddOutcomesAsync(Minute0, new OutcomeCounts(4, 0, 0), default);
        await Stores.Metrics.SaveMetricPointsAsync([new(Minute0, "QueueDepth", null, 2)], default);

        var points = await Stores.Metrics.ListMetricPointsAsync(Minute0, Minute0.AddMinutes(1), default);

        points.Single(p => p.Name == "Delivered").Value.ShouldBe(4);
        points.Single(p => p.Name == "QueueDepth").Value.ShouldBe(2);
    }

    [Fact]
    public async Task ListAndPrune_AcrossDays_CoverEveryDayInTheRange()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 1, 23, 58, 0, TimeSpan.Zero);
        await Stores.Metrics.SaveMetricPointsAsync([.. Enumerable.Range(0, 4).Select(i => new MetricPoint(lateEvening.AddMinutes(i), "QueueDepth", null, i))], default);
        await Stores.Metrics.AddOutcomesAsync(lateEvening.AddMinutes(3), new OutcomeCounts(1, 0, 0), default);
        await Stores.Metrics.SaveMetricPointsAsync([new(lateEvening.AddDays(-3), "QueueDepth", null, 9)], default);

        var points = await Stores.Metrics.ListMetricPointsAsync(lateEvening.AddMinutes(1), lateEvening.AddMinutes(4), default);
        var pruned = await Stores.Metrics.PruneMetricPointsAsync(lateEvening.AddMinutes(3), default);

        points.Where(p => p.Name == "QueueDepth").Select(p => p.Value).ShouldBe([1d, 2d, 3d]);
        pruned.ShouldBe(4, "the point three days back and the three minutes before 00:01");
        (await Stores.Metrics.ListMetricPointsAsync(DateTimeOffset.UnixEpoch, lateEvening.AddDays(1), default)).Select(p => (p.Name, p.Value))
            .ShouldBe([("QueueDepth", 3d), ("Delivered", 1d)], ignoreOrder: true);
    }
}
