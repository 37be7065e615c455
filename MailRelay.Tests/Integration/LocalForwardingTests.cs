using MailRelay.Core.Domain;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Integration;

/// <summary>The embedded defaults end to end: drop folder → SQLite → local mailbox, through the real jobs.</summary>
public sealed class LocalForwardingTests : FolderForwardingScenarios
{
    protected override Task<RelayHost> StartRelayAsync(string dataPath) => RelayHost.StartAsync(dataPath);

    [Fact]
    public async Task DroppedFile_ForRoutedUser_AppearsInTheirLocalMailboxWithinFiveSeconds()
    {
        await Relay.RouteAsync("alice@example.com", "alice");
        var raw = MessageFiles.Raw("Alice <alice@example.com>", "Lunch?");
        var dropped = await MessageFiles.DropAsync(Data.Path, "lunch.eml", raw);
        var started = DateTime.UtcNow;

        var mailbox = Path.Combine(Data.Path, "mailboxes", "alice");
        await RelayHost.EventuallyAsync(() => Task.FromResult(Directory.Exists(mailbox) && Directory.GetFiles(mailbox, "*.eml").Length == 1),
            "alice's mailbox has the message", TimeSpan.FromSeconds(5));

        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        (await File.ReadAllTextAsync(Directory.GetFiles(mailbox, "*.eml").Single())).ShouldBe(raw);
        File.Exists(dropped).ShouldBeFalse("the inbox file is removed once stored");
        var listed = await Relay.Store.ListMessagesAsync(new MessageFilter(UserId: "alice"), 0, 10, default);
        var item = listed.Items.ShouldHaveSingleItem();
        item.Message.Summary.Subject.ShouldBe("Lunch?");
        item.Deliveries.ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Delivered);
        await RelayHost.EventuallyAsync(async () => (await Relay.Store.FindMessageAsync(item.Message.Id, default))!.BlobDeleted, "the blob is deleted");
    }

    [Fact]
    public async Task SidecarRecipients_AreTheEnvelope_NotTheHeaders()
    {
        await Relay.RouteAsync("alice@example.com", "alice", RouteActionKind.LocalMailbox);
        await Relay.RouteAsync("bob@example.com", "bob", RouteActionKind.LocalMailbox);
        // The To header names alice, but the envelope (Bcc-like) is bob only.
        await MessageFiles.DropAsync(Data.Path, "bcc.eml", MessageFiles.Raw("alice@example.com", "For bob"), ["bob@example.com"]);

        await RelayHost.EventuallyAsync(() => Task.FromResult(Directory.Exists(Path.Combine(Data.Path, "mailboxes", "bob"))), "bob gets it");
        Directory.Exists(Path.Combine(Data.Path, "mailboxes", "alice")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("no-headers.eml")]
    [InlineData("bad-encoded-words.eml")]
    [InlineData("eight-bit-headers.eml")]
    [InlineData("no-blank-line.eml")]
    [InlineData("empty.eml")]
    [InlineData("control-bytes.eml")]
    public async Task MalformedInput_NeverCrashesTheJobs_AndIsDeliveredOrHeld(string fixture)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "mime", fixture));

        await ShouldBeDeliveredUntouchedAsync(fixture, bytes);
    }

    [Fact]
    public async Task HeaderLineLongerThan256KB_NeverCrashesTheJobs_AndIsDeliveredWithANote()
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes("From: a@example.com\r\nSubject: " + new string('x', 300 * 1024) + "\r\n\r\nBody\r\n");

        await ShouldBeDeliveredUntouchedAsync("long-header-line.eml", bytes);

        var message = (await Relay.Store.ListMessagesAsync(new(), 0, 10, default)).Items.First(i => i.Message.Summary.From == "a@example.com").Message;
        message.Summary.Problem.ShouldBe("The header block is longer than 256 KB; only the first 256 KB were read.");
    }

    /// <summary>Drops the bytes, expects them delivered (or held) exactly as they are, and the jobs still alive afterwards.</summary>
    private async Task ShouldBeDeliveredUntouchedAsync(string name, byte[] bytes)
    {
        await Relay.RouteAsync("*", "alice");
        await MessageFiles.DropAsync(Data.Path, name, bytes, ["alice@example.com"]);

        await RelayHost.EventuallyAsync(async () =>
        {
            var page = await Relay.Store.ListMessagesAsync(new(), 0, 10, default);
            return page.Items.Count == 1 && page.Items[0].Deliveries.All(d => d.Status is DeliveryStatus.Delivered or DeliveryStatus.Held);
        }, $"{name} is delivered or held");
        var delivered = Directory.GetFiles(Path.Combine(Data.Path, "mailboxes", "alice"), "*.eml").ShouldHaveSingleItem();
        (await File.ReadAllBytesAsync(delivered)).ShouldBe(bytes, "the raw bytes are what the mailbox gets");

        // The jobs are still alive: a well-formed message afterwards goes through too.
        await MessageFiles.DropAsync(Data.Path, "after.eml", MessageFiles.Raw("alice@example.com", "After"), ["alice@example.com"]);
        await RelayHost.EventuallyAsync(() => Task.FromResult(Directory.GetFiles(Path.Combine(Data.Path, "mailboxes", "alice"), "*.eml").Length == 2), "the next message arrives");
    }

    [Fact]
    public async Task UnroutableMessage_IsHeldForAnAdmin_AndItsBlobKept()
    {
        await MessageFiles.DropAsync(Data.Path, "stray.eml", MessageFiles.Raw("nobody@example.com", "Who?"));

        await RelayHost.EventuallyAsync(async () => (await Relay.Store.ListMessagesAsync(new(), 0, 10, default)).Total == 1, "the message is stored");
        var item = (await Relay.Store.ListMessagesAsync(new(), 0, 10, default)).Items.Single();
        var held = item.Deliveries.ShouldHaveSingleItem();
        held.Status.ShouldBe(DeliveryStatus.Held);
        held.LastError!.ShouldContain("No route matches nobody@example.com");
        item.Message.BlobDeleted.ShouldBeFalse();
    }
}
