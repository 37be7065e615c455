using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

/// <summary>
/// What the DynamoDB store promises beyond the contract, because it has no transactions: a write
/// sequence cut part-way is completed by the retry, and racing instances never share work.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbStoreRetryTests(DynaliteProcess dynalite) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly DynaliteStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task AddMessage_CrashBeforeTheMessageRecord_RetryCompletesWithoutDuplicates()
    {
        var settings = dynalite.NewTable();
        var crash = new FailingDynamoDbCalls("PutItem", "\"S\":\"MESSAGE\"");
        var store = await _stores.OpenAsync(settings, crash);
        var message = new StoredMessage("ses-1", 0, "sqs", T0, "inbound/ses-1", ["alice@example.com", "bob@example.com"], Verdicts.Unknown,
            new MessageSummary(null, null, "Hi", null, null, 10, null), false);
        NewDelivery[] deliveries = [new("alice@example.com", "alice", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null),
                                    new("bob@example.com", "bob", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)];

        await Should.ThrowAsync<HttpRequestException>(() => store.Messages.AddMessageAsync(message, deliveries, T0, default));
        var beforeRetry = await store.Deliveries.ListDeliveriesOfMessageAsync("ses-1", default);
        var claimedBeforeCommit = await store.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 10, default);
        crash.Armed = false;
        var retried = await store.Messages.AddMessageAsync(message, deliveries, T0, default);
        var duplicate = await store.Messages.AddMessageAsync(message, deliveries, T0, default);

        crash.Failed.ShouldBe(1);
        (await store.Messages.FindMessageAsync("ses-1", default)).ShouldNotBeNull();
        claimedBeforeCommit.ShouldBeEmpty();
        (retried, duplicate).ShouldBe((true, false));
        var afterRetry = await store.Deliveries.ListDeliveriesOfMessageAsync("ses-1", default);
        afterRetry.Select(d => d.Id).ShouldBe(beforeRetry.Select(d => d.Id));
        afterRetry.Count.ShouldBe(2);
        (await store.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 10, default)).Count.ShouldBe(2);
        (await store.Deliveries.ListDeliveryEventsAsync(afterRetry[0].Id, default)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AddMessage_SameMessageFromTwoInstancesAtOnce_StoresItOnce()
    {
        var settings = dynalite.NewTable();
        var stores = new[] { await _stores.OpenAsync(settings), await _stores.OpenAsync(settings) };
        var message = new StoredMessage("ses-2", 0, "sqs", T0, "inbound/ses-2", ["alice@example.com"], Verdicts.Unknown,
            new MessageSummary(null, null, null, null, null, 10, null), false);
        NewDelivery[] deliveries = [new("alice@example.com", "alice", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)];

        var added = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => stores[i % 2].Messages.AddMessageAsync(message, deliveries, T0, default)));

        added.Count(a => a).ShouldBe(1);
        (await stores[0].Deliveries.ListDeliveriesOfMessageAsync("ses-2", default)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ClaimDueDeliveries_ByRacingInstances_NeverHandsOutADeliveryTwice()
    {
        var settings = dynalite.NewTable();
        var stores = new[] { await _stores.OpenAsync(settings), await _stores.OpenAsync(settings), await _stores.OpenAsync(settings) };
        for (var i = 0; i < 12; i++)
        {
            var message = new StoredMessage($"m-{i}", 0, "sqs", T0, $"inbound/m-{i}", ["x@example.com"], Verdicts.Unknown,
                new MessageSummary(null, null, null, null, null, 10, null), false);
            await stores[0].Messages.AddMessageAsync(message, [new($"u{i % 4}@example.com", $"u{i % 4}", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)], T0, default);
        }

        var claims = await Task.WhenAll(stores.Select((s, n) => s.Deliveries.ClaimDueDeliveriesAsync($"node-{n}", T0, T0.AddMinutes(2), 12, default)));

        var ids = claims.SelectMany(c => c.Select(d => d.Id)).ToList();
        ids.ShouldBeUnique();
        // A user's lane belongs to one instance at a time: no user's mail is split across owners.
        claims.SelectMany((c, n) => c.Select(d => (d.UserId, n))).Distinct().GroupBy(x => x.UserId).ShouldAllBe(g => g.Count() == 1);
    }
}
