using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Routing;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

/// <summary>
/// Drop-folder forwarding behaviours that must hold whichever store the relay runs on; each
/// subclass starts the real host with its store, and these scenarios run against every one.
/// </summary>
public abstract class FolderForwardingScenarios : IAsyncLifetime
{
    protected TempDirectory Data { get; } = new();

    protected RelayHost Relay { get; private set; } = null!;

    /// <summary>Starts the relay on <paramref name="dataPath"/> with the store under test.</summary>
    protected abstract Task<RelayHost> StartRelayAsync(string dataPath);

    public async Task InitializeAsync() => Relay = await StartRelayAsync(Data.Path);

    public async Task DisposeAsync()
    {
        await Relay.DisposeAsync();
        Data.Dispose();
    }

    [Fact]
    public async Task SameFileDroppedTwice_IsOneMessageAndOneDelivery()
    {
        await Relay.RouteAsync("alice@example.com", "alice", RouteActionKind.LocalMailbox);
        var raw = MessageFiles.Raw("alice@example.com", "Twice");
        await MessageFiles.DropAsync(Data.Path, "first.eml", raw);
        await RelayHost.EventuallyAsync(async () => (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Total == 1, "the first copy is stored");
        await MessageFiles.DropAsync(Data.Path, "second.eml", raw);
        await RelayHost.EventuallyAsync(() => Task.FromResult(!File.Exists(Path.Combine(Data.Path, "inbox", "second.eml"))), "the second copy is acknowledged");

        var messages = await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default);
        messages.Total.ShouldBe(1);
        messages.Items.Single().Deliveries.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("a message")]
    [InlineData("a 0-byte file")]
    public async Task SameBytesDroppedTwice_WithANewRecipientInTheSidecar_ReachesTheNewRecipientOnceAndTheFirstNotAgain(string content)
    {
        await Relay.RouteAsync("alice@example.com", "alice", RouteActionKind.LocalMailbox);
        await Relay.RouteAsync("bob@example.com", "bob", RouteActionKind.LocalMailbox);
        var raw = content == "a message" ? MessageFiles.Raw("team@example.com", "For both") : "";
        await MessageFiles.DropAsync(Data.Path, "first.eml", raw, ["alice@example.com"]);
        await RelayHost.EventuallyAsync(() => Task.FromResult(MailboxCount("alice") == 1), "alice gets the first copy");
        // Once alice has it, the message is finished and its raw bytes are deleted: the second drop must bring them back.
        await RelayHost.EventuallyAsync(async () => (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Items.Single().Message.BlobDeleted, "the blob is deleted");

        await MessageFiles.DropAsync(Data.Path, "second.eml", raw, ["bob@example.com"]);
        await RelayHost.EventuallyAsync(() => Task.FromResult(MailboxCount("bob") == 1), "bob gets the second copy");
        // Another round of intake and forwarding may not deliver anything again.
        await MessageFiles.DropAsync(Data.Path, "third.eml", raw, ["alice@example.com", "bob@example.com"]);
        await RelayHost.EventuallyAsync(() => Task.FromResult(!File.Exists(Path.Combine(Data.Path, "inbox", "third.eml"))), "the third copy is acknowledged");
        await Task.Delay(TimeSpan.FromSeconds(1));

        (MailboxCount("alice"), MailboxCount("bob")).ShouldBe((1, 1));
        var item = (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Items.ShouldHaveSingleItem();
        item.Message.Recipients.ShouldBe(["alice@example.com", "bob@example.com"]);
        item.Deliveries.Select(d => (d.UserId, d.Status)).ShouldBe([("alice", DeliveryStatus.Delivered), ("bob", DeliveryStatus.Delivered)], ignoreOrder: true);
    }

    private int MailboxCount(string userId)
    {
        var mailbox = Path.Combine(Data.Path, "mailboxes", userId);
        return Directory.Exists(mailbox) ? Directory.GetFiles(mailbox, "*.eml").Length : 0;
    }
}
