using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

public abstract partial class RelayStoreContract
{
    [Fact]
    public async Task AddMessage_ThenFind_RoundTripsEveryField()
    {
        var message = Message("m-1", T0, "Hello", "alice@example.com", "bob@example.com") with
        {
            Verdicts = new Verdicts("PASS", "PASS", "GRAY", "FAIL", "PROCESSING_FAILED"),
            Summary = new MessageSummary("a@example.org", "alice@example.com, bob@example.com", "Hello", T0.AddMinutes(-3), "<x@example.org>", 4321, "folded header"),
        };

        (await Store.AddMessageAsync(message, [To("alice")], T0, default)).ShouldBeTrue();

        var found = (await Store.FindMessageAsync("m-1", default)).ShouldNotBeNull();
        found.Sequence.ShouldBeGreaterThan(0);
        found.Recipients.ShouldBe(message.Recipients);
        (found with { Sequence = 0, Recipients = message.Recipients }).ShouldBe(message);
        (await Store.FindMessageAsync("m-unknown", default)).ShouldBeNull();
    }

    [Fact]
    public async Task AddMessage_SameIdAgain_IsRefusedAndAddsNoDelivery()
    {
        await AddMessageAsync("m-1", T0, To("alice"), To("bob"));

        var again = await Store.AddMessageAsync(Message("m-1", T0.AddMinutes(1)), [To("alice"), To("bob"), To("carol")], T0.AddMinutes(1), default);

        again.ShouldBeFalse();
        (await Store.ListDeliveriesOfMessageAsync("m-1", default)).Select(d => d.UserId).ShouldBe(["alice", "bob"], ignoreOrder: true);
        (await Store.FindMessageAsync("m-1", default))!.ReceivedAt.ShouldBe(T0);
    }

    [Fact]
    public async Task AddRecipients_NewRecipient_AddsItsDeliveryAndKeepsTheExistingOnes()
    {
        var first = (await AddMessageAsync("m-1", T0, To("alice")))[0];
        await Store.MarkBlobDeletedAsync("m-1", default); // alice had it and the sweep deleted the bytes; intake stores them again

        var added = await Store.AddRecipientsAsync("m-1", ["bob@example.com"], [To("bob")], T0.AddMinutes(1), default);

        var bob = added.ShouldHaveSingleItem();
        (bob.MessageId, bob.MessageSequence, bob.Recipient, bob.UserId, bob.Status, bob.CreatedAt)
            .ShouldBe(("m-1", first.MessageSequence, "bob@example.com", "bob", DeliveryStatus.Pending, T0.AddMinutes(1)));
        (await Store.ListDeliveriesOfMessageAsync("m-1", default)).Select(d => d.UserId).ShouldBe(["alice", "bob"], ignoreOrder: true);
        (await Store.FindDeliveryAsync(first.Id, default)).ShouldBe(first);
        (await Store.ListDeliveryEventsAsync(bob.Id, default)).ShouldBe([new DeliveryEvent(bob.Id, T0.AddMinutes(1), DeliveryStatus.Pending, "Received")]);
        var message = (await Store.FindMessageAsync("m-1", default))!;
        message.Recipients.ShouldBe(["alice@example.com", "bob@example.com"]);
        message.BlobDeleted.ShouldBeFalse();
        (await Store.ListMessagesAsync(new MessageFilter(UserId: "bob"), 0, 10, default)).Items.ShouldHaveSingleItem().Message.Id.ShouldBe("m-1");
    }

    [Fact]
    public async Task AddRecipients_Repeated_ChangesNothingTheSecondTime()
    {
        await AddMessageAsync("m-1", T0, To("alice"));
        (await Store.AddRecipientsAsync("m-1", ["bob@example.com"], [To("bob")], T0.AddMinutes(1), default)).Count.ShouldBe(1);

        var again = await Store.AddRecipientsAsync("m-1", ["alice@example.com", "BOB@example.com"], [To("alice"), To("bob")], T0.AddMinutes(2), default);

        again.ShouldBeEmpty();
        (await Store.ListDeliveriesOfMessageAsync("m-1", default)).Count.ShouldBe(2);
        (await Store.FindMessageAsync("m-1", default))!.Recipients.ShouldBe(["alice@example.com", "bob@example.com"]);
    }

    [Fact]
    public async Task AddRecipients_UnknownMessage_AddsNothing()
    {
        (await Store.AddRecipientsAsync("m-unknown", ["bob@example.com"], [To("bob")], T0, default)).ShouldBeEmpty();

        (await Store.FindMessageAsync("m-unknown", default)).ShouldBeNull();
        (await Store.ListDeliveriesOfMessageAsync("m-unknown", default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AddMessage_SameTargetTwice_MakesOneDelivery_WithItsFirstEvent()
    {
        var deliveries = await AddMessageAsync("m-1", T0, To("alice"), To("alice"), To("alice", DeliveryStatus.Held, DeliveryTarget.LocalMailbox, "held by route"));

        deliveries.Select(d => (d.UserId, d.Target)).ShouldBe([("alice", DeliveryTarget.Gmail), ("alice", DeliveryTarget.LocalMailbox)], ignoreOrder: true);
        var gmail = deliveries.Single(d => d.Target == DeliveryTarget.Gmail);
        (gmail.MessageId, gmail.Recipient, gmail.Status, gmail.Attempts, gmail.CreatedAt).ShouldBe(("m-1", "alice@example.com", DeliveryStatus.Pending, 0, T0));
        (await Store.FindDeliveryAsync(gmail.Id, default)).ShouldBe(gmail);
        var held = deliveries.Single(d => d.Target == DeliveryTarget.LocalMailbox);
        (await Store.ListDeliveryEventsAsync(held.Id, default)).ShouldBe([new DeliveryEvent(held.Id, T0, DeliveryStatus.Held, "held by route")]);
        (await Store.ListDeliveryEventsAsync(gmail.Id, default)).ShouldBe([new DeliveryEvent(gmail.Id, T0, DeliveryStatus.Pending, "Received")]);
        (await Store.FindDeliveryAsync(987654, default)).ShouldBeNull();
    }

    [Fact]
    public async Task AddMessage_Sequences_FollowReceivedOrder()
    {
        var first = (await AddMessageAsync("m-b", T0, To("alice")))[0];
        var second = (await AddMessageAsync("m-a", T0.AddSeconds(1), To("alice")))[0];

        second.MessageSequence.ShouldBeGreaterThan(first.MessageSequence);
        (await Store.FindMessageAsync("m-a", default))!.Sequence.ShouldBe(second.MessageSequence);
    }

    [Fact]
    public async Task AddMessage_HugeHeaderSummary_IsKeptOrCutCleanly()
    {
        var subject = HugeText('s');
        var message = Message("m-big", T0) with { Summary = Message("m-big", T0).Summary with { Subject = subject, Problem = HugeText('p'), To = HugeText('t') } };

        (await Store.AddMessageAsync(message, [To("alice")], T0, default)).ShouldBeTrue();

        var found = (await Store.FindMessageAsync("m-big", default)).ShouldNotBeNull();
        ShouldBeKeptOrCut(found.Summary.Subject, subject);
        ShouldBeKeptOrCut(found.Summary.Problem, message.Summary.Problem!);
        found.BlobKey.ShouldBe("inbound/m-big");
        (await Store.ListMessagesAsync(new MessageFilter(), 0, 10, default)).Items.ShouldHaveSingleItem().Deliveries.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ListMessages_NewestFirst_PagedWithTheirDeliveries()
    {
        for (var i = 1; i <= 5; i++) await AddMessageAsync($"m-{i}", T0.AddMinutes(i), To("alice"), To("bob"));

        var page = await Store.ListMessagesAsync(new MessageFilter(), 1, 2, default);

        (page.Total, page.Skip, page.Take).ShouldBe((5, 1, 2));
        page.Items.Select(i => i.Message.Id).ShouldBe(["m-4", "m-3"]);
        page.Items.ShouldAllBe(i => i.Deliveries.Count == 2 && i.Deliveries.All(d => d.MessageId == i.Message.Id));
        (await Store.ListMessagesAsync(new MessageFilter(), 10, 2, default)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task ListMessages_FilteredByUserStatusAndText()
    {
        await AddMessageAsync("m-1", T0, To("alice"));
        await AddMessageAsync("m-2", T0.AddMinutes(1), To("bob", DeliveryStatus.Held));
        await AddMessageAsync("m-3", T0.AddMinutes(2), To("alice", DeliveryStatus.Held), To("bob"));
        (await Store.AddMessageAsync(Message("m-4", T0.AddMinutes(3), "Invoice 42"), [new NewDelivery("x@example.com", null, DeliveryTarget.None, DeliveryStatus.Held, false, "unroutable")], T0, default)).ShouldBeTrue();

        async Task<string[]> Ids(MessageFilter filter) => (await Store.ListMessagesAsync(filter, 0, 50, default)).Items.Select(i => i.Message.Id).ToArray();

        (await Ids(new MessageFilter(UserId: "alice"))).ShouldBe(["m-3", "m-1"]);
        (await Ids(new MessageFilter(Status: DeliveryStatus.Held))).ShouldBe(["m-4", "m-3", "m-2"]);
        (await Ids(new MessageFilter(UserId: "bob", Status: DeliveryStatus.Held))).ShouldBe(["m-2"]);
        (await Ids(new MessageFilter(Text: "invoice"))).ShouldBe(["m-4"]);
        (await Ids(new MessageFilter(UserId: "carol"))).ShouldBeEmpty();
        (await Store.ListMessagesAsync(new MessageFilter(Status: DeliveryStatus.Held), 0, 1, default)).Total.ShouldBe(3);
    }

    [Fact]
    public async Task ListFinishedMessagesWithBlobs_OnlyDoneMessagesWhoseBlobIsKept_ReceivedBeforeTheCutoff()
    {
        await AddMessageAsync("done", T0, To("alice", DeliveryStatus.Dropped));
        await AddMessageAsync("waiting", T0.AddMinutes(1), To("alice", DeliveryStatus.Dropped), To("bob", DeliveryStatus.Queued));
        await AddMessageAsync("done-late", T0.AddHours(2), To("alice", DeliveryStatus.Dropped));
        await AddMessageAsync("done-gone", T0.AddMinutes(2), To("alice", DeliveryStatus.Dropped));
        await Store.MarkBlobDeletedAsync("done-gone", default);
        await Store.MarkBlobDeletedAsync("no-such-message", default);

        var finished = await Store.ListFinishedMessagesWithBlobsAsync(T0.AddHours(1), 10, default);

        finished.Select(m => m.Id).ShouldBe(["done"]);
        (await Store.IsMessageFinishedAsync("done", default)).ShouldBeTrue();
        (await Store.IsMessageFinishedAsync("waiting", default)).ShouldBeFalse();
        (await Store.FindMessageAsync("done-gone", default))!.BlobDeleted.ShouldBeTrue();
        (await Store.ListFinishedMessagesWithBlobsAsync(T0.AddHours(3), 1, default)).Select(m => m.Id).ShouldBe(["done"]);
    }
}
