using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Queues;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IDeliveryStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract class DeliveryStoreContract : StoreContract
{
    [Fact]
    public async Task SummarizeUserQueue_CountsOneUsersDeliveries_OptionallyUpToATime()
    {
        await AddDeliveryAsync("alice", DeliveryStatus.Queued, T0);
        await AddDeliveryAsync("alice", DeliveryStatus.Failed, T0.AddHours(1));
        await AddDeliveryAsync("alice", DeliveryStatus.Pending, T0.AddHours(2));
        await AddDeliveryAsync("bob", DeliveryStatus.Queued, T0.AddHours(-5));

        var all = await Stores.Deliveries.SummarizeUserQueueAsync("alice", null, default);
        var early = await Stores.Deliveries.SummarizeUserQueueAsync("alice", T0.AddHours(1), default);
        var nobody = await Stores.Deliveries.SummarizeUserQueueAsync("carol", null, default);

        (all.Queued, all.Failed, all.Pending, all.OldestWaitingSince).ShouldBe((1, 1, 1, (DateTimeOffset?)T0));
        (early.Queued, early.Failed, early.Pending).ShouldBe((1, 1, 0));
        (nobody.Queued, nobody.Pending, nobody.Delivered, nobody.OldestWaitingSince).ShouldBe((0, 0, 0, (DateTimeOffset?)null));
    }

    private static DeliveryUpdate Outcome(long id, DeliveryStatus status, DateTimeOffset at, DateTimeOffset? next = null, string? error = null, string? external = null) =>
        new(id, status, true, next, error, external, at);

    [Fact]
    public async Task ClaimDueDeliveries_LeasedToOne_SecondOwnerGetsNothingUntilTheLeaseExpires()
    {
        await AddMessageAsync("m-1", T0, To("alice"));

        var first = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 10, default);
        var second = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0.AddMinutes(1), T0.AddMinutes(3), 10, default);
        var afterExpiry = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0.AddMinutes(3), T0.AddMinutes(5), 10, default);

        first.ShouldHaveSingleItem().MessageId.ShouldBe("m-1");
        second.ShouldBeEmpty();
        afterExpiry.ShouldHaveSingleItem().Id.ShouldBe(first[0].Id);
    }

    [Fact]
    public async Task ClaimDueDeliveries_OnlyPendingAndDueRetries_OldestFirstUpToMax()
    {
        await AddMessageAsync("m-1", T0, To("alice"));
        await AddMessageAsync("m-2", T0, To("bob", DeliveryStatus.Queued), To("carol", DeliveryStatus.Held), To("dave", DeliveryStatus.Dropped));
        await AddMessageAsync("m-3", T0, To("erin"));
        await AddMessageAsync("m-4", T0, To("fred"));

        var claimed = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 2, default);
        var rest = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 10, default);

        claimed.Select(d => d.MessageId).ShouldBe(["m-1", "m-3"]);
        rest.Select(d => d.MessageId).ShouldBe(["m-4"]);
    }

    [Fact]
    public async Task ClaimDueDeliveries_KeepEachUsersReceivedOrder()
    {
        var m1 = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        await AddMessageAsync("m-2", T0, To("alice"));
        await AddMessageAsync("m-3", T0, To("bob"), To("alice", target: DeliveryTarget.LocalMailbox));

        var a = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 1, default);
        var b = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0, T0.AddMinutes(2), 10, default);
        foreach (var other in b) await Stores.Deliveries.CompleteDeliveryAsync("node-b", Outcome(other.Id, DeliveryStatus.Delivered, T0, external: "ok"), default);
        (await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(m1.Id, DeliveryStatus.Retrying, T0, next: T0.AddMinutes(10), error: "503"), default)).ShouldBeTrue();
        var whileRetrying = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-c", T0.AddMinutes(3), T0.AddMinutes(5), 10, default);
        var afterRetryTime = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-c", T0.AddMinutes(11), T0.AddMinutes(13), 10, default);

        a.ShouldHaveSingleItem().Id.ShouldBe(m1.Id);
        b.Select(d => (d.MessageId, d.UserId)).ShouldBe([("m-3", "bob"), ("m-3", "alice")]);
        whileRetrying.ShouldBeEmpty();
        afterRetryTime.Select(d => d.MessageId).ShouldBe(["m-1", "m-2"]);
    }

    [Fact]
    public async Task CompleteDelivery_ByAnOwnerWhoseLeaseWasTakenOver_IsRefused()
    {
        var delivery = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 10, default);
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0.AddMinutes(3), T0.AddMinutes(5), 10, default);

        var stale = await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(delivery.Id, DeliveryStatus.Delivered, T0.AddMinutes(4), external: "gmail-a"), default);
        var current = await Stores.Deliveries.CompleteDeliveryAsync("node-b", Outcome(delivery.Id, DeliveryStatus.Delivered, T0.AddMinutes(4), external: "gmail-b"), default);
        var twice = await Stores.Deliveries.CompleteDeliveryAsync("node-b", Outcome(delivery.Id, DeliveryStatus.Delivered, T0.AddMinutes(5), external: "gmail-c"), default);

        (stale, current, twice).ShouldBe((false, true, false));
        var found = (await Stores.Deliveries.FindDeliveryAsync(delivery.Id, default)).ShouldNotBeNull();
        (found.Status, found.Attempts, found.ExternalId, found.UpdatedAt).ShouldBe((DeliveryStatus.Delivered, 1, "gmail-b", T0.AddMinutes(4)));
        (await Stores.Deliveries.ListDeliveryEventsAsync(delivery.Id, default)).Select(e => (e.Status, e.Detail))
            .ShouldBe([(DeliveryStatus.Pending, "Received"), (DeliveryStatus.Delivered, "gmail-b")]);
    }

    [Fact]
    public async Task CompleteDelivery_RetryThenSuccess_CountsAttemptsAndKeepsTheGmailId()
    {
        var delivery = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 10, default);
        await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(delivery.Id, DeliveryStatus.Retrying, T0, next: T0.AddMinutes(1), error: HugeText('e')), default);
        var retrying = await Stores.Deliveries.FindDeliveryAsync(delivery.Id, default);
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0.AddMinutes(1), T0.AddMinutes(3), 10, default);
        await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(delivery.Id, DeliveryStatus.Delivered, T0.AddMinutes(1), external: "gmail-1"), default);

        (retrying!.Status, retrying.Attempts, retrying.NextAttemptAt).ShouldBe((DeliveryStatus.Retrying, 1, (DateTimeOffset?)T0.AddMinutes(1)));
        ShouldBeKeptOrCut(retrying.LastError, HugeText('e'));
        var done = (await Stores.Deliveries.FindDeliveryAsync(delivery.Id, default))!;
        (done.Status, done.Attempts, done.ExternalId, done.LastError, done.NextAttemptAt).ShouldBe((DeliveryStatus.Delivered, 2, "gmail-1", (string?)null, (DateTimeOffset?)null));
    }

    [Fact]
    public async Task RenewLeases_ByTheHolder_KeepsTheDeliveryFromOthersPastTheFirstLease()
    {
        var delivery = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddSeconds(30), 10, default);

        var renewed = await Stores.Deliveries.RenewLeasesAsync("node-a", [delivery.Id], T0.AddSeconds(50), default);
        var pastFirstLease = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0.AddSeconds(40), T0.AddSeconds(70), 10, default);
        var pastRenewal = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0.AddSeconds(51), T0.AddSeconds(81), 10, default);

        renewed.ShouldBe([delivery.Id]);
        pastFirstLease.ShouldBeEmpty();
        pastRenewal.ShouldHaveSingleItem().Id.ShouldBe(delivery.Id);
    }

    [Fact]
    public async Task RenewLeases_OfALeaseAnotherOwnerTookOver_DoesNothing()
    {
        var delivery = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddSeconds(30), 10, default);
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0.AddSeconds(31), T0.AddSeconds(61), 10, default);

        var renewed = await Stores.Deliveries.RenewLeasesAsync("node-a", [delivery.Id], T0.AddSeconds(120), default);
        var stale = await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(delivery.Id, DeliveryStatus.Delivered, T0.AddSeconds(40), external: "gmail-a"), default);
        var afterB = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-c", T0.AddSeconds(62), T0.AddSeconds(92), 10, default);

        renewed.ShouldBeEmpty();
        stale.ShouldBeFalse("node-a did not get the lease back");
        afterB.ShouldHaveSingleItem().Id.ShouldBe(delivery.Id, "node-a's renewal did not extend node-b's lease");
    }

    [Fact]
    public async Task RenewLeases_AfterCompletionOrRelease_DoesNothing()
    {
        var done = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        var released = (await AddMessageAsync("m-2", T0, To("bob")))[0];
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddSeconds(30), 10, default);
        await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(done.Id, DeliveryStatus.Delivered, T0.AddSeconds(1), external: "gmail-1"), default);
        await Stores.Deliveries.ReleaseLeasesAsync("node-a", [released.Id], default);

        var renewed = await Stores.Deliveries.RenewLeasesAsync("node-a", [done.Id, released.Id], T0.AddSeconds(60), default);
        var others = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0.AddSeconds(2), T0.AddSeconds(32), 10, default);

        renewed.ShouldBeEmpty();
        others.ShouldHaveSingleItem().Id.ShouldBe(released.Id);
        (await Stores.Deliveries.FindDeliveryAsync(done.Id, default))!.Status.ShouldBe(DeliveryStatus.Delivered);
        (await Stores.Deliveries.ListDeliveryEventsAsync(done.Id, default)).Count.ShouldBe(2, "a renewal writes no timeline event");
    }

    [Fact]
    public async Task ReleaseLeases_FreesOnlyTheOwnersLeases()
    {
        var delivery = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0, T0.AddMinutes(2), 10, default);

        await Stores.Deliveries.ReleaseLeasesAsync("node-b", [delivery.Id], default);
        var whileHeld = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0, T0.AddMinutes(2), 10, default);
        await Stores.Deliveries.ReleaseLeasesAsync("node-a", [delivery.Id], default);
        var afterRelease = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-b", T0, T0.AddMinutes(2), 10, default);

        whileHeld.ShouldBeEmpty();
        afterRelease.ShouldHaveSingleItem().Id.ShouldBe(delivery.Id);
        (await Stores.Deliveries.ListDeliveryEventsAsync(delivery.Id, default)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task QueueUserDeliveries_ThenMakeDue_MovesOnlyThatUsersWaitingMail()
    {
        await AddMessageAsync("m-1", T0, To("alice"), To("bob"), To("alice", target: DeliveryTarget.LocalMailbox));
        await AddMessageAsync("m-2", T0, To("alice"), To("carol", DeliveryStatus.Queued));
        await AddMessageAsync("m-3", T0, To("alice", DeliveryStatus.Held));

        var queued = await Stores.Deliveries.QueueUserDeliveriesAsync("alice", DeliveryTarget.Gmail, "Gmail connection expired", T0.AddMinutes(1), default);
        var users = await Stores.Deliveries.ListUsersWithQueuedDeliveriesAsync(default);
        var claimable = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0.AddMinutes(1), T0.AddMinutes(3), 10, default);
        await Stores.Deliveries.ReleaseLeasesAsync("node-a", claimable.Select(d => d.Id).ToList(), default);
        var due = await Stores.Deliveries.MakeUserDeliveriesDueAsync("alice", T0.AddMinutes(2), default);

        queued.ShouldBe(2);
        users.ShouldBe(["alice", "carol"]);
        claimable.Select(d => (d.UserId, d.Target)).ShouldBe([("bob", DeliveryTarget.Gmail), ("alice", DeliveryTarget.LocalMailbox)], ignoreOrder: true);
        due.ShouldBe(2);
        var alice = await Stores.Deliveries.SummarizeUserQueueAsync("alice", null, default);
        (alice.Pending, alice.Queued, alice.Held).ShouldBe((3, 0, 1));
        (await Stores.Deliveries.ListUsersWithQueuedDeliveriesAsync(default)).ShouldBe(["carol"]);
        var m1 = (await Stores.Deliveries.ListDeliveriesOfMessageAsync("m-1", default)).First(d => d.UserId == "alice" && d.Target == DeliveryTarget.Gmail);
        (await Stores.Deliveries.ListDeliveryEventsAsync(m1.Id, default)).Select(e => (e.Status, e.Detail))
            .ShouldBe([(DeliveryStatus.Pending, "Received"), (DeliveryStatus.Queued, "Gmail connection expired"), (DeliveryStatus.Pending, "Due now")]);
    }

    [Fact]
    public async Task ChangeDeliveryStatus_FromAStaleStatus_IsRefused()
    {
        var delivery = (await AddMessageAsync("m-1", T0, To("alice", DeliveryStatus.Held)))[0];

        var retried = await Stores.Deliveries.ChangeDeliveryStatusAsync(delivery.Id, [DeliveryStatus.Held, DeliveryStatus.Failed], DeliveryStatus.Pending, null, "retry by admin", T0.AddMinutes(1), default);
        var stale = await Stores.Deliveries.ChangeDeliveryStatusAsync(delivery.Id, [DeliveryStatus.Held], DeliveryStatus.Dropped, null, "purge", T0.AddMinutes(2), default);
        var unknown = await Stores.Deliveries.ChangeDeliveryStatusAsync(424242, [DeliveryStatus.Held], DeliveryStatus.Pending, null, "x", T0, default);

        (retried, stale, unknown).ShouldBe((true, false, false));
        var found = (await Stores.Deliveries.FindDeliveryAsync(delivery.Id, default))!;
        (found.Status, found.NextAttemptAt, found.UpdatedAt).ShouldBe((DeliveryStatus.Pending, (DateTimeOffset?)T0.AddMinutes(1), T0.AddMinutes(1)));
        (await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0.AddMinutes(1), T0.AddMinutes(3), 10, default)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ChangeDeliveryStatus_ReleasingHeldMailToAUser_MovesItIntoThatUsersQueue()
    {
        (await Stores.Messages.AddMessageAsync(Message("m-1", T0), [new NewDelivery("x@example.com", null, DeliveryTarget.Gmail, DeliveryStatus.Held, false, "unroutable")], T0, default)).ShouldBeTrue();
        var held = (await Stores.Deliveries.ListDeliveriesOfMessageAsync("m-1", default)).Single();

        (await Stores.Deliveries.ChangeDeliveryStatusAsync(held.Id, [DeliveryStatus.Held], DeliveryStatus.Pending, "alice", "released to alice", T0.AddMinutes(1), default)).ShouldBeTrue();

        (await Stores.Deliveries.FindDeliveryAsync(held.Id, default))!.UserId.ShouldBe("alice");
        (await Stores.Deliveries.SummarizeUserQueueAsync("alice", null, default)).Pending.ShouldBe(1);
        (await Stores.Messages.ListMessagesAsync(new MessageFilter(UserId: "alice"), new PageRequest(0, 10), default)).Total.ShouldBe(1);
    }

    [Fact]
    public async Task SummarizeUserQueue_FollowsEachStatusChange_FromArrivalToDelivered()
    {
        var first = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        var second = (await AddMessageAsync("m-2", T0.AddMinutes(1), To("alice")))[0];
        async Task<(int Pending, int Queued, int Retrying, int Failed, int Delivered, DateTimeOffset? Oldest)> AliceAsync()
        {
            var s = await Stores.Deliveries.SummarizeUserQueueAsync("alice", null, default);
            return (s.Pending, s.Queued, s.Retrying, s.Failed, s.Delivered, s.OldestWaitingSince);
        }

        var arrived = await AliceAsync();
        await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0.AddMinutes(1), T0.AddMinutes(3), 1, default);
        await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(first.Id, DeliveryStatus.Retrying, T0.AddMinutes(1), next: T0.AddMinutes(2)), default);
        var retrying = await AliceAsync();
        await Stores.Deliveries.QueueUserDeliveriesAsync("alice", DeliveryTarget.Gmail, "Gmail connection expired", T0.AddMinutes(2), default);
        var queued = await AliceAsync();
        await Stores.Deliveries.MakeUserDeliveriesDueAsync("alice", T0.AddMinutes(3), default);
        var claimed = await Stores.Deliveries.ClaimDueDeliveriesAsync("node-a", T0.AddMinutes(3), T0.AddMinutes(5), 10, default);
        await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(first.Id, DeliveryStatus.Delivered, T0.AddMinutes(3), external: "gmail-1"), default);
        var oneDelivered = await AliceAsync();
        await Stores.Deliveries.CompleteDeliveryAsync("node-a", Outcome(second.Id, DeliveryStatus.Failed, T0.AddMinutes(4), error: "too large"), default);
        await Stores.Deliveries.ChangeDeliveryStatusAsync(second.Id, [DeliveryStatus.Failed], DeliveryStatus.Dropped, null, "purge", T0.AddMinutes(5), default);
        var done = await AliceAsync();

        arrived.ShouldBe((2, 0, 0, 0, 0, (DateTimeOffset?)T0));
        retrying.ShouldBe((1, 0, 1, 0, 0, (DateTimeOffset?)T0));
        queued.ShouldBe((0, 2, 0, 0, 0, (DateTimeOffset?)T0));
        claimed.Select(d => d.Id).ShouldBe([first.Id, second.Id]);
        oneDelivered.ShouldBe((1, 0, 0, 0, 1, (DateTimeOffset?)T0.AddMinutes(1)));
        done.ShouldBe((0, 0, 0, 0, 1, (DateTimeOffset?)null));
        (await Stores.Deliveries.SummarizeQueuesAsync(default)).ShouldBe([new UserQueueSummary("alice", 0, 0, 0, 0, 0, 1, null)]);
        (await Stores.Deliveries.ListUsersWithQueuedDeliveriesAsync(default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SummarizeQueues_CountsPerUser_WithTheOldestWaiting_AndMailWithoutAUser()
    {
        await AddMessageAsync("m-1", T0, To("alice", DeliveryStatus.Queued), To("bob", DeliveryStatus.Dropped));
        await AddMessageAsync("m-2", T0.AddHours(1), To("alice"), To("bob", DeliveryStatus.Failed));
        (await Stores.Messages.AddMessageAsync(Message("m-3", T0.AddHours(2)), [new NewDelivery("x@example.com", null, DeliveryTarget.None, DeliveryStatus.Held, false, "unroutable")], T0.AddHours(2), default)).ShouldBeTrue();

        var summaries = await Stores.Deliveries.SummarizeQueuesAsync(default);

        summaries.ShouldBe([
            new UserQueueSummary("", 0, 0, 0, 1, 0, 0, T0.AddHours(2)),
            new UserQueueSummary("alice", 1, 1, 0, 0, 0, 0, T0),
            new UserQueueSummary("bob", 0, 0, 0, 0, 1, 0, T0.AddHours(1)),
        ]);
    }
}
