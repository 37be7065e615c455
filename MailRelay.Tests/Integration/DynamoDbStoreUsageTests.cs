using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Metrics;
using MailRelay.Core.Outbound;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

/// <summary>
/// What the DynamoDB store's reports promise beyond the contract, because of how it keys them:
/// usage pointers are written before the message commits, sharded by month, and metrics are
/// written and pruned in 25-item batches.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbStoreUsageTests(DynaliteProcess dynalite) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day0 = new(2026, 11, 1);
    private readonly DynaliteStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task ListUsage_CrashBeforeTheMessageRecord_NotCountedUntilTheRetryCommitsItOnce()
    {
        var crash = new FailingDynamoDbCalls("PutItem", "\"S\":\"MESSAGE\"");
        var store = await _stores.OpenAsync(dynalite.NewTable(), crash);
        var message = Message("ses-1", T0);
        NewDelivery[] deliveries = [new("alice@example.com", "alice", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)];

        await Should.ThrowAsync<HttpRequestException>(() => store.Messages.AddMessageAsync(message, deliveries, T0, default));
        var beforeCommit = await store.Usage.ListUsageAsync(new DayRange(Day0, Day0), new PageRequest(0, 10), default);
        crash.Armed = false;
        await store.Messages.AddMessageAsync(message, deliveries, T0, default);
        await store.Messages.AddMessageAsync(message, deliveries, T0, default);

        beforeCommit.Total.ShouldBe(0);
        (await store.Usage.ListUsageAsync(new DayRange(Day0, Day0), new PageRequest(0, 10), default)).Items
            .ShouldBe([new UsageRow(Day0, "alice", 1, 0, 1, 0)]);
    }

    [Fact]
    public async Task ListUsage_RangeAcrossMonths_CountsEveryMonthAndTheCurrentStatus()
    {
        var store = await _stores.OpenAsync(dynalite.NewTable());
        await store.Messages.AddMessageAsync(Message("oct", T0.AddDays(-1)), [new("a@example.com", "alice", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)], T0, default);
        await store.Messages.AddMessageAsync(Message("nov", T0), [new("a@example.com", "alice", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)], T0, default);
        var october = (await store.Deliveries.ListDeliveriesOfMessageAsync("oct", default)).Single();
        await store.Deliveries.ChangeDeliveryStatusAsync(october.Id, [DeliveryStatus.Pending], DeliveryStatus.Failed, "alice", "gave up", T0, default);

        var page = await store.Usage.ListUsageAsync(new DayRange(Day0.AddDays(-1), Day0), new PageRequest(0, 10), default);

        page.Items.ShouldBe([new UsageRow(Day0, "alice", 1, 0, 1, 0), new UsageRow(Day0.AddDays(-1), "alice", 1, 0, 0, 1)]);
    }

    [Fact]
    public async Task SaveMetricPoints_MoreThanOneBatch_AllKeptAndPruneCountsEveryOne()
    {
        var store = await _stores.OpenAsync(dynalite.NewTable());
        var points = Enumerable.Range(0, 60).Select(i => new MetricPoint(T0.AddMinutes(i), "QueueDepth", i % 2 == 0 ? null : "alice", i)).ToList();

        await store.Metrics.SaveMetricPointsAsync(points, default);
        var listed = await store.Metrics.ListMetricPointsAsync(T0, T0.AddHours(1), default);
        var pruned = await store.Metrics.PruneMetricPointsAsync(T0.AddMinutes(50), default);

        listed.Count.ShouldBe(60);
        pruned.ShouldBe(50);
        (await store.Metrics.ListMetricPointsAsync(T0, T0.AddHours(1), default)).Select(p => p.Value).ShouldBe(Enumerable.Range(50, 10).Select(i => (double)i));
    }

    private static StoredMessage Message(string id, DateTimeOffset receivedAt) =>
        new(id, 0, "sqs", receivedAt, "inbound/" + id, ["alice@example.com"], Verdicts.Unknown, new MessageSummary(null, null, null, null, null, 10, null), false);
}
