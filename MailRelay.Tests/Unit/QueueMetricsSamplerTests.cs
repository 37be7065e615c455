using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Inbound;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Metrics;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailRelay.Tests.Unit;

/// <summary>The sampler over a real SQLite store, driven by a scripted sequence of deliveries and a fake clock.</summary>
public sealed class QueueMetricsSamplerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Nine = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(Nine);
    private readonly MetricCounters _counters = new();
    private readonly RecordingMetricsPublisher _published = new();
    private StorePorts _store = null!;

    public async Task InitializeAsync()
    {
        _store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        await _store.Schema.InitializeAsync(default);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SampleOnce_ScriptedDeliveries_GiveDepthAgeAndOutcomesPerMinute()
    {
        var metrics = new QueueMetrics();
        var sampler = Sampler(metrics);
        var first = await SeedAsync("m1", ("alice", DeliveryStatus.Pending), ("bob", DeliveryStatus.Held));

        _time.SetUtcNow(Nine.AddSeconds(30));
        (await SampleAsync(sampler)).ShouldBeNull("09:00 has not ended");
        var latest = metrics.Snapshot(MetricsWindow.LastHour).Latest!;
        latest.Total.ShouldBe(2);
        latest.OldestAgeSeconds.ShouldBe(30);
        latest.Users.Select(u => (u.UserId, u.Depth, u.OldestAgeSeconds)).ShouldBe([("alice", 1, 30d), ("bob", 1, 30d)]);

        // Alice's first message is delivered; a second one arrives and goes to the queue (Gmail expired).
        await MoveAsync(first["alice"], DeliveryStatus.Pending, DeliveryStatus.Delivered);
        _time.SetUtcNow(Nine.AddSeconds(40));
        var second = await SeedAsync("m2", ("alice", DeliveryStatus.Pending));
        await MoveAsync(second["alice"], DeliveryStatus.Pending, DeliveryStatus.Queued);
        _time.SetUtcNow(Nine.AddSeconds(50));
        await SampleAsync(sampler);

        var hour = metrics.Snapshot(MetricsWindow.LastHour);
        hour.Depth.Select(s => s.Total).ShouldBe([2, 2]);
        hour.Latest!.Users.Single(u => u.UserId == "alice").OldestAgeSeconds.ShouldBe(10, "the delivered message no longer counts");
        hour.Outcomes.ShouldHaveSingleItem().Counts.ShouldBe(new OutcomeCounts(1, 1, 0));
        (await _store.Metrics.ListMetricPointsAsync(Nine, Nine.AddHours(1), default)).Select(p => p.Name).ShouldBe(
            [MetricNames.Delivered, MetricNames.Queued], ignoreOrder: true, "outcomes are added as they are counted, gauges only when their minute ends");

        // 09:01: the queued one fails for good; the first sample of the minute closes 09:00.
        await MoveAsync(second["alice"], DeliveryStatus.Queued, DeliveryStatus.Failed);
        _time.SetUtcNow(Nine.AddSeconds(65));
        var closed = (await SampleAsync(sampler)).ShouldNotBeNull();

        closed.Minute.ShouldBe(Nine);
        closed.Outcomes.Counts.ShouldBe(new OutcomeCounts(1, 1, 0));
        closed.Depth.Total.ShouldBe(2, "the minute keeps its last sample");
        var saved = await _store.Metrics.ListMetricPointsAsync(Nine, Nine.AddHours(1), default);
        saved.Single(p => p is { Name: MetricNames.QueueDepth, UserId: null }).Value.ShouldBe(2);
        saved.Single(p => p is { Name: MetricNames.QueueDepth, UserId: "alice" }).Value.ShouldBe(1);
        saved.Single(p => p is { Name: MetricNames.Delivered, UserId: null }).Value.ShouldBe(1);
        saved.Single(p => p is { Name: MetricNames.Queued, UserId: null }).Value.ShouldBe(1);
        _published.Minutes.ShouldHaveSingleItem().Minute.ShouldBe(Nine);

        var now = metrics.Snapshot(MetricsWindow.LastHour);
        now.Latest!.Total.ShouldBe(1, "only bob's held message waits");
        now.Outcomes.Select(o => (o.Minute, o.Counts)).ShouldBe([(Nine, new OutcomeCounts(1, 1, 0)), (Nine.AddMinutes(1), new OutcomeCounts(0, 0, 1))]);
        var day = metrics.Snapshot(MetricsWindow.Last24Hours);
        day.Depth.Select(s => (s.At, s.Total)).ShouldBe([(Nine, 2), (Nine.AddMinutes(1), 1)]);
    }

    [Fact]
    public async Task SampleOnce_TwoInstancesDeliver_EachChartShowsTheSumAndEachEmfLineItsOwn()
    {
        var (metricsA, metricsB) = (new QueueMetrics(), new QueueMetrics());
        var (countersA, countersB) = (new MetricCounters(), new MetricCounters());
        var (publishedA, publishedB) = (new RecordingMetricsPublisher(), new RecordingMetricsPublisher());
        var (a, b) = (Sampler(metricsA, countersA, publishedA), Sampler(metricsB, countersB, publishedB));
        countersA.DeliveryOutcome(DeliveryStatus.Delivered, 2);
        countersB.DeliveryOutcome(DeliveryStatus.Delivered, 3);
        countersB.DeliveryOutcome(DeliveryStatus.Failed);

        _time.SetUtcNow(Nine.AddSeconds(30));
        await SampleAsync(a);
        await SampleAsync(b);
        _time.SetUtcNow(Nine.AddSeconds(35));
        await SampleAsync(a);

        metricsA.Snapshot(MetricsWindow.LastHour).Outcomes.ShouldHaveSingleItem().Counts.ShouldBe(new OutcomeCounts(5, 0, 1));
        metricsB.Snapshot(MetricsWindow.LastHour).Outcomes.ShouldHaveSingleItem().Counts.ShouldBe(new OutcomeCounts(5, 0, 1));

        // 09:01 closes 09:00 on both: the store and both charts keep the sum; each instance publishes what it counted.
        countersA.DeliveryOutcome(DeliveryStatus.Delivered);
        _time.SetUtcNow(Nine.AddSeconds(65));
        await SampleAsync(a);
        await SampleAsync(b);

        metricsB.Snapshot(MetricsWindow.Last24Hours).Outcomes.Select(o => o.Counts).ShouldBe([new OutcomeCounts(5, 0, 1), new OutcomeCounts(1, 0, 0)]);
        (await _store.Metrics.ListOutcomesAsync(Nine, Nine.AddMinutes(2), default)).Select(o => o.Counts).ShouldBe([new OutcomeCounts(5, 0, 1), new OutcomeCounts(1, 0, 0)]);
        Published(publishedA, MetricNames.Delivered).ShouldBe(2);
        Published(publishedB, MetricNames.Delivered).ShouldBe(3);
    }

    private static double Published(RecordingMetricsPublisher published, string name) =>
        published.Minutes.ShouldHaveSingleItem().Points.Single(p => p.Name == name && p.UserId is null).Value;

    [Fact]
    public async Task LoadAsync_AfterRestart_RefillsTheDayWindowFromTheStore()
    {
        var before = new QueueMetrics();
        var sampler = Sampler(before);
        await SeedAsync("m1", ("alice", DeliveryStatus.Queued), ("bob", DeliveryStatus.Held));
        _counters.DeliveryOutcome(DeliveryStatus.Delivered, 3);
        await SampleAsync(sampler);
        _time.SetUtcNow(Nine.AddMinutes(1));
        await SampleAsync(sampler);

        _time.SetUtcNow(Nine.AddMinutes(2));
        var after = new QueueMetrics();
        await Sampler(after).LoadAsync(default);

        var day = after.Snapshot(MetricsWindow.Last24Hours);
        day.Depth.ShouldHaveSingleItem().Total.ShouldBe(2);
        day.Depth[0].Users.Select(u => (u.UserId, u.Depth)).ShouldBe([("alice", 1), ("bob", 1)]);
        day.Outcomes.ShouldHaveSingleItem().Counts.Delivered.ShouldBe(3);
        after.Snapshot(MetricsWindow.LastHour).Depth.ShouldBeEmpty("samples are not kept across restarts, only minutes");
    }

    [Fact]
    public async Task ClosingAMinute_PrunesPointsOlderThanTheRetention()
    {
        await _store.Metrics.SaveMetricPointsAsync([new(Nine.AddDays(-8), MetricNames.QueueDepth, null, 9), new(Nine.AddDays(-6), MetricNames.QueueDepth, null, 6)], default);
        var metrics = new QueueMetrics();
        var sampler = Sampler(metrics);
        await SampleAsync(sampler);
        _time.SetUtcNow(Nine.AddMinutes(1));
        await SampleAsync(sampler);

        var kept = await _store.Metrics.ListMetricPointsAsync(DateTimeOffset.UnixEpoch, Nine.AddDays(1), default);
        kept.ShouldNotContain(p => p.Minute == Nine.AddDays(-8));
        kept.ShouldContain(p => p.Minute == Nine.AddDays(-6));
    }

    [Fact]
    public async Task ClosingAMinute_PublishesTokenDaysLeftAndProvisioningOutcomes()
    {
        await _store.Users.EnsureUserAsync("alice", "alice@example.com", "Alice", [], Nine, default);
        await _store.Gmail.SaveGmailConnectionAsync(new GmailConnection("alice", "alice@gmail.com", "protected", "scope", Nine.AddDays(-5), Nine.AddDays(2).AddHours(12),
            GmailConnectionStatus.Connected, 0, null, null), default);
        _counters.ProvisioningOutcome("Active");
        _counters.ProvisioningOutcome("Active");
        _counters.ProvisioningOutcome("Failed");
        var metrics = new QueueMetrics();
        var sampler = Sampler(metrics);
        await SampleAsync(sampler);
        _time.SetUtcNow(Nine.AddMinutes(1));
        await SampleAsync(sampler);

        var minute = _published.Minutes.ShouldHaveSingleItem();
        minute.TokenDaysLeft["alice"].ShouldBe(2.5, 0.01);
        minute.ProvisioningOutcomes.ShouldBe(new Dictionary<string, int> { ["Active"] = 2, ["Failed"] = 1 });
    }

    private QueueMetricsSampler Sampler(QueueMetrics metrics) => Sampler(metrics, _counters, _published);

    private QueueMetricsSampler Sampler(QueueMetrics metrics, MetricCounters counters, RecordingMetricsPublisher published) =>
        new(_store.Metrics, _store.Deliveries, _store.Gmail, metrics, counters, published, Microsoft.Extensions.Options.Options.Create(new MetricsOptions()), _time, NullLogger<QueueMetricsSampler>.Instance);

    private static Task<ClosedMinute?> SampleAsync(QueueMetricsSampler sampler) => sampler.SampleOnceAsync(default);

    /// <summary>Moves a delivery and counts the outcome the way forwarding does.</summary>
    private async Task MoveAsync(long deliveryId, DeliveryStatus from, DeliveryStatus to)
    {
        (await _store.Deliveries.ChangeDeliveryStatusAsync(deliveryId, [from], to, null, "scripted", _time.GetUtcNow(), default)).ShouldBeTrue();
        _counters.DeliveryOutcome(to);
    }

    private async Task<Dictionary<string, long>> SeedAsync(string id, params (string UserId, DeliveryStatus Status)[] deliveries)
    {
        var now = _time.GetUtcNow();
        foreach (var (userId, _) in deliveries) await _store.Users.EnsureUserAsync(userId, $"{userId}@example.com", userId, [], now, default);
        var recipients = deliveries.Select(d => $"{d.UserId}@example.com").ToList();
        var summary = new MessageSummary("sender@example.net", string.Join(", ", recipients), id, now, $"<{id}@example.net>", 100, null);
        var message = new StoredMessage(id, 0, "test", now, $"messages/{id}", recipients, Verdicts.Unknown, summary, false);
        var planned = deliveries.Select(d => new NewDelivery($"{d.UserId}@example.com", d.UserId, DeliveryTarget.Gmail, d.Status, false, null)).ToList();
        (await _store.Messages.AddMessageAsync(message, planned, now, default)).ShouldBeTrue();
        return (await _store.Deliveries.ListDeliveriesOfMessageAsync(id, default)).ToDictionary(d => d.UserId!, d => d.Id);
    }
}
