using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Queues;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The DynamoDB queue counts are separate items written after the delivery (no transactions): a crash
/// between the two writes leaves them behind for a moment, and the sweep puts them right, counting a
/// delivered delivery once however often it runs.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbQueueCountTests(DynaliteProcess dynalite) : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly DynaliteStores _stores = new();

    public void Dispose() => _stores.Dispose();

    [Fact]
    public async Task CompleteDelivery_CrashBeforeTheQueueItemChange_TheSweepCountsItDeliveredOnce()
    {
        var crash = new FailingDynamoDbCalls("DeleteItem", "QUEUE#alice");
        var store = await _stores.OpenAsync(dynalite.NewTable(), crash);
        crash.Armed = false;
        var delivery = await AddAsync(store, "m-1");
        await store.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 10, default);
        crash.Armed = true;

        await Should.ThrowAsync<HttpRequestException>(() => store.Deliveries.CompleteDeliveryAsync("node-a",
            new DeliveryUpdate(delivery.Id, DeliveryStatus.Delivered, true, null, null, "gmail-1", T0), default));
        var afterCrash = await store.Deliveries.SummarizeUserQueueAsync("alice", null, default);
        crash.Armed = false;
        await store.Deliveries.ListUsersWithQueuedDeliveriesAsync(default);
        await store.Deliveries.ListUsersWithQueuedDeliveriesAsync(default);

        crash.Failed.ShouldBe(1);
        (await store.Deliveries.FindDeliveryAsync(delivery.Id, default))!.Status.ShouldBe(DeliveryStatus.Delivered);
        (afterCrash.Pending, afterCrash.Delivered).ShouldBe((1, 0));
        (await store.Deliveries.SummarizeQueuesAsync(default)).ShouldBe([new UserQueueSummary("alice", 0, 0, 0, 0, 0, 1, null)]);
    }

    [Fact]
    public async Task QueueUserDeliveries_CrashBeforeTheQueueItemChange_TheSweepFindsTheQueuedMail()
    {
        var crash = new FailingDynamoDbCalls("PutItem", "QUEUE#alice");
        var store = await _stores.OpenAsync(dynalite.NewTable(), crash);
        crash.Armed = false;
        var delivery = await AddAsync(store, "m-1");
        crash.Armed = true;

        await Should.ThrowAsync<HttpRequestException>(() => store.Deliveries.QueueUserDeliveriesAsync("alice", DeliveryTarget.Gmail, "Gmail connection expired", T0, default));
        var afterCrash = await store.Deliveries.SummarizeUserQueueAsync("alice", null, default);
        crash.Armed = false;
        var users = await store.Deliveries.ListUsersWithQueuedDeliveriesAsync(default);

        (await store.Deliveries.FindDeliveryAsync(delivery.Id, default))!.Status.ShouldBe(DeliveryStatus.Queued);
        (afterCrash.Pending, afterCrash.Queued).ShouldBe((1, 0));
        users.ShouldBe(["alice"]);
        var repaired = await store.Deliveries.SummarizeUserQueueAsync("alice", null, default);
        (repaired.Pending, repaired.Queued, repaired.OldestWaitingSince).ShouldBe((0, 1, (DateTimeOffset?)T0));
    }

    private static async Task<Delivery> AddAsync(StorePorts store, string id)
    {
        var message = new StoredMessage(id, 0, "sqs", T0, "inbound/" + id, ["alice@example.com"], Verdicts.Unknown,
            new MessageSummary(null, null, null, null, null, 10, null), false);
        (await store.Messages.AddMessageAsync(message, [new("alice@example.com", "alice", DeliveryTarget.Gmail, DeliveryStatus.Pending, false, null)], T0, default)).ShouldBeTrue();
        return (await store.Deliveries.ListDeliveriesOfMessageAsync(id, default)).Single();
    }
}
