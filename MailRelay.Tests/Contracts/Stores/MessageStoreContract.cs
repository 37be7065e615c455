using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Queues;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>What every <see cref="IMessageStore"/> adapter must do. Each adapter's test class inherits it.</summary>
public abstract partial class MessageStoreContract : StoreContract
{
    [Fact]
    public async Task AddMessage_ThenFind_RoundTripsEveryField()
    {
        var message = Message("m-1", T0, "Hello", "alice@example.com", "bob@example.com") with
        {
            Verdicts = new Verdicts("PASS", "PASS", "GRAY", "FAIL", "PROCESSING_FAILED"),
            Summary = new MessageSummary("a@example.org", "alice@example.com, bob@example.com", "Hello", T0.AddMinutes(-3), "<x@example.org>", 4321, "folded header"),
        };

        (await Stores.Messages.AddMessageAsync(message, [To("alice")], T0, default)).ShouldBeTrue();

        var found = (await Stores.Messages.FindMessageAsync("m-1", default)).ShouldNotBeNull();
        found.Sequence.ShouldBeGreaterThan(0);
        found.Recipients.ShouldBe(message.Recipients);
        (found with { Sequence = 0, Recipients = message.Recipients }).ShouldBe(message);
        (await Stores.Messages.FindMessageAsync("m-unknown", default)).ShouldBeNull();
    }

    [Fact]
    public async Task FindMessages_SomeKnown_ReturnsTheKnownOnesById()
    {
        await AddMessageAsync("m-1", T0, To("alice"));
        await AddMessageAsync("m-2", T0.AddMinutes(1), To("bob"));

        var found = await Stores.Messages.FindMessagesAsync(["m-1", "m-unknown", "m-2", "m-1"], default);

        found.Keys.ShouldBe(["m-1", "m-2"], ignoreOrder: true);
        var single = (await Stores.Messages.FindMessageAsync("m-2", default))!;
        (found["m-2"] with { Recipients = single.Recipients }).ShouldBe(single);
        found["m-2"].Recipients.ShouldBe(single.Recipients);
        (await Stores.Messages.FindMessagesAsync([], default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddMessage_SameIdAgain_IsRefusedAndAddsNoDelivery()
    {
        await AddMessageAsync("m-1", T0, To("alice"), To("bob"));

        var again = await Stores.Messages.AddMessageAsync(Message("m-1", T0.AddMinutes(1)), [To("alice"), To("bob"), To("carol")], T0.AddMinutes(1), default);

        again.ShouldBeFalse();
        (await Stores.Deliveries.ListDeliveriesOfMessageAsync("m-1", default)).Select(d => d.UserId).ShouldBe(["alice", "bob"], ignoreOrder: true);
        (await Stores.Messages.FindMessageAsync("m-1", default))!.ReceivedAt.ShouldBe(T0);
    }

    [Fact]
    public async Task AddRecipients_NewRecipient_AddsItsDeliveryAndKeepsTheExistingOnes()
    {
        var first = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        await Stores.Messages.MarkBlobsDeletedAsync(["m-1"], default); // alice had it and the sweep deleted the bytes; intake stores them again

        var added = await Stores.Messages.AddRecipientsAsync("m-1", ["bob@example.com"], [To("bob")], T0.AddMinutes(1), default);

        var bob = added.ShouldHaveSingleItem();
        (bob.MessageId, bob.MessageSequence, bob.Recipient, bob.UserId, bob.Status, bob.CreatedAt)
            .ShouldBe(("m-1", first.MessageSequence, "bob@example.com", "bob", DeliveryStatus.Pending, T0.AddMinutes(1)));
        (await Stores.Deliveries.ListDeliveriesOfMessageAsync("m-1", default)).Select(d => d.UserId).ShouldBe(["alice", "bob"], ignoreOrder: true);
        (await Stores.Deliveries.FindDeliveryAsync(first.Id, default)).ShouldBe(first);
        (await Stores.Deliveries.ListDeliveryEventsAsync(bob.Id, default)).ShouldBe([new DeliveryEvent(bob.Id, T0.AddMinutes(1), DeliveryStatus.Pending, "Received")]);
        var message = (await Stores.Messages.FindMessageAsync("m-1", default))!;
        message.Recipients.ShouldBe(["alice@example.com", "bob@example.com"]);
        message.BlobDeleted.ShouldBeFalse();
        (await Stores.Messages.ListMessagesAsync(new MessageFilter(UserId: "bob"), new PageRequest(0, 10), default)).Items.ShouldHaveSingleItem().Message.Id.ShouldBe("m-1");
    }

    [Fact]
    public async Task AddRecipients_Repeated_ChangesNothingTheSecondTime()
    {
        await AddMessageAsync("m-1", T0, To("alice"));
        (await Stores.Messages.AddRecipientsAsync("m-1", ["bob@example.com"], [To("bob")], T0.AddMinutes(1), default)).Count.ShouldBe(1);

        var again = await Stores.Messages.AddRecipientsAsync("m-1", ["alice@example.com", "BOB@example.com"], [To("alice"), To("bob")], T0.AddMinutes(2), default);

        again.ShouldBeEmpty();
        (await Stores.Deliveries.ListDeliveriesOfMessageAsync("m-1", default)).Count.ShouldBe(2);
        (await Stores.Messages.FindMessageAsync("m-1", default))!.Recipients.ShouldBe(["alice@example.com", "bob@example.com"]);
    }

    [Fact]
    public async Task AddRecipients_UnknownMessage_AddsNothing()
    {
        (await Stores.Messages.AddRecipientsAsync("m-unknown", ["bob@example.com"], [To("bob")], T0, default)).ShouldBeEmpty();

        (await Stores.Messages.FindMessageAsync("m-unknown", default)).ShouldBeNull();
        (await Stores.Deliveries.ListDeliveriesOfMessageAsync("m-unknown", default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddMessage_SameTargetTwice_MakesOneDelivery_WithItsFirstEvent()
    {
        var deliveries = await AddMessageAsync("m-1", T0, To("alice"), To("alice"), To("alice", DeliveryStatus.Held, DeliveryTarget.LocalMailbox, "held by route"));

        deliveries.Select(d => (d.UserId, d.Target)).ShouldBe([("alice", DeliveryTarget.Gmail), ("alice", DeliveryTarget.LocalMailbox)], ignoreOrder: true);
        var gmail = deliveries.Single(d => d.Target == DeliveryTarget.Gmail);
        (gmail.MessageId, gmail.Recipient, gmail.Status, gmail.Attempts, gmail.CreatedAt).ShouldBe(("m-1", "alice@example.com", DeliveryStatus.Pending, 0, T0));
        (await Stores.Deliveries.FindDeliveryAsync(gmail.Id, default)).ShouldBe(gmail);
        var held = deliveries.Single(d => d.Target == DeliveryTarget.LocalMailbox);
        (await Stores.Deliveries.ListDeliveryEventsAsync(held.Id, default)).ShouldBe([new DeliveryEvent(held.Id, T0, DeliveryStatus.Held, "held by route")]);
        (await Stores.Deliveries.ListDeliveryEventsAsync(gmail.Id, default)).ShouldBe([new DeliveryEvent(gmail.Id, T0, DeliveryStatus.Pending, "Received")]);
        (await Stores.Deliveries.FindDeliveryAsync(987654, default)).ShouldBeNull();
    }

    [Fact]
    public async Task AddMessage_Sequences_FollowReceivedOrder()
    {
        var first = (await AddMessageAsync("m-b", T0, To("alice")))[0];
        var second = (await AddMessageAsync("m-a", T0.AddSeconds(1), To("alice")))[0];

        second.MessageSequence.ShouldBeGreaterThan(first.MessageSequence);
        (await Stores.Messages.FindMessageAsync("m-a", default))!.Sequence.ShouldBe(second.MessageSequence);
    }

    [Fact]
    public async Task AddMessage_HugeHeaderSummary_IsKeptOrCutCleanly()
    {
        var subject = HugeText('s');
        var message = Message("m-big", T0) with { Summary = Message("m-big", T0).Summary with { Subject = subject, Problem = HugeText('p'), To = HugeText('t') } };

        (await Stores.Messages.AddMessageAsync(message, [To("alice")], T0, default)).ShouldBeTrue();

        var found = (await Stores.Messages.FindMessageAsync("m-big", default)).ShouldNotBeNull();
        ShouldBeKeptOrCut(found.Summary.Subject, subject);
        ShouldBeKeptOrCut(found.Summary.Problem, message.Summary.Problem!);
        found.BlobKey.ShouldBe("inbound/m-big");
        (await Stores.Messages.ListMessagesAsync(new MessageFilter(), new PageRequest(0, 10), default)).Items.ShouldHaveSingleItem().Deliveries.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ListMessages_NewestFirst_PagedWithTheirDeliveries()
    {
        for (var i = 1; i <= 5; i++) await AddMessageAsync($"m-{i}", T0.AddMinutes(i), To("alice"), To("bob"));

        var page = await Stores.Messages.ListMessagesAsync(new MessageFilter(), new PageRequest(1, 2), default);

        (page.Total, page.Skip, page.Take).ShouldBe((5, 1, 2));
        page.Items.Select(i => i.Message.Id).ShouldBe(["m-4", "m-3"]);
        page.Items.ShouldAllBe(i => i.Deliveries.Count == 2 && i.Deliveries.All(d => d.MessageId == i.Message.Id));
        (await Stores.Messages.ListMessagesAsync(new MessageFilter(), new PageRequest(10, 2), default)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListMessages_FilteredByUserStatusAndText()
    {
        await AddMessageAsync("m-1", T0, To("alice"));
        await AddMessageAsync("m-2", T0.AddMinutes(1), To("bob", DeliveryStatus.Held));
        await AddMessageAsync("m-3", T0.AddMinutes(2), To("alice", DeliveryStatus.Held), To("bob"));
        (await Stores.Messages.AddMessageAsync(Message("m-4", T0.AddMinutes(3), "Invoice 42"), [new NewDelivery("x@example.com", null, DeliveryTarget.None, DeliveryStatus.Held, false, "unroutable")], T0, default)).ShouldBeTrue();

        async Task<string[]> Ids(MessageFilter filter) => (await Stores.Messages.ListMessagesAsync(filter, new PageRequest(0, 50), default)).Items.Select(i => i.Message.Id).ToArray();

        (await Ids(new MessageFilter(UserId: "alice"))).ShouldBe(["m-3", "m-1"]);
        (await Ids(new MessageFilter(Status: DeliveryStatus.Held))).ShouldBe(["m-4", "m-3", "m-2"]);
        (await Ids(new MessageFilter(UserId: "bob", Status: DeliveryStatus.Held))).ShouldBe(["m-2"]);
        (await Ids(new MessageFilter(Text: "invoice"))).ShouldBe(["m-4"]);
        (await Ids(new MessageFilter(UserId: "carol"))).ShouldBeEmpty();
        (await Stores.Messages.ListMessagesAsync(new MessageFilter(Status: DeliveryStatus.Held), new PageRequest(0, 1), default)).Total.ShouldBeOneOf(3, Paging.UnknownTotal);
    }

    [Fact]
    public async Task ListFinishedMessagesWithBlobs_OnlyDoneMessagesWhoseBlobIsKept_ReceivedBeforeTheCutoff()
    {
        await AddMessageAsync("done", T0, To("alice", DeliveryStatus.Dropped));
        await AddMessageAsync("waiting", T0.AddMinutes(1), To("alice", DeliveryStatus.Dropped), To("bob", DeliveryStatus.Queued));
        await AddMessageAsync("done-late", T0.AddHours(2), To("alice", DeliveryStatus.Dropped));
        await AddMessageAsync("done-gone", T0.AddMinutes(2), To("alice", DeliveryStatus.Dropped));
        await Stores.Messages.MarkBlobsDeletedAsync(["done-gone", "no-such-message"], default);
        await Stores.Messages.MarkBlobsDeletedAsync([], default);

        var finished = await Stores.Messages.ListFinishedMessagesWithBlobsAsync(T0.AddHours(1), 10, default);

        finished.Select(m => m.Id).ShouldBe(["done"]);
        (await Stores.Messages.IsMessageFinishedAsync("done", default)).ShouldBeTrue();
        (await Stores.Messages.IsMessageFinishedAsync("waiting", default)).ShouldBeFalse();
        (await Stores.Messages.FindMessageAsync("done-gone", default))!.BlobDeleted.ShouldBeTrue();
        (await Stores.Messages.ListFinishedMessagesWithBlobsAsync(T0.AddHours(3), 1, default)).Select(m => m.Id).ShouldBe(["done"]);
    }
}
