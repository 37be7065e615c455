using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Queues;
using MailRelay.Core.Routing;
using MailRelay.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
        var listed = await Relay.Store.Messages.ListMessagesAsync(new MessageFilter(UserId: "alice"), new PageRequest(0, 10), default);
        var item = listed.Items.ShouldHaveSingleItem();
        item.Message.Summary.Subject.ShouldBe("Lunch?");
        item.Deliveries.ShouldHaveSingleItem();
        // The file lands in the mailbox a moment before the delivery is recorded as Delivered.
        await RelayHost.EventuallyAsync(async () => (await Relay.Store.Deliveries.ListDeliveriesOfMessageAsync(item.Message.Id, default)).Single().Status == DeliveryStatus.Delivered,
            "the delivery is recorded as Delivered");
        await RelayHost.EventuallyAsync(async () => (await Relay.Store.Messages.FindMessageAsync(item.Message.Id, default))!.BlobDeleted, "the blob is deleted");
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

        var message = (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Items.First(i => i.Message.Summary.From == "a@example.com").Message;
        message.Summary.Problem.ShouldBe("The header block is longer than 256 KB; only the first 256 KB were read.");
    }

    /// <summary>
    /// The malformed-input suite (Fixtures/malformed, one file per case): each ends delivered with its
    /// raw bytes unchanged and the note a person sees, or stuck in the inbox with the reason. Never a crash.
    /// </summary>
    [Theory]
    [InlineData("header-without-colon.eml", "Line 5 is not a header field (no colon): \"X-Mailer AcmeMail 1.0\".")]
    [InlineData("long-header-line.eml", "Line 4 is 2000 characters long; RFC 5322 allows 998.")]
    [InlineData("nul-bytes.eml", "Line 4 is not a header: \"Sub ject: NUL inside a field name\".")]
    [InlineData("bare-cr-line-ends.eml", "Line 1 ends its lines with a bare CR (no line feed), so the headers after it were read as part of it.")]
    [InlineData("invalid-utf8-header.eml", null)]
    [InlineData("unknown-charset-encoded-word.eml", "The Subject has an encoded word that cannot be decoded.")]
    [InlineData("unclosed-multipart-boundary.eml", null)]
    [InlineData("empty.eml", "The message is empty.")]
    [InlineData(Over35MB, null)]
    public async Task MalformedInputSuite_EachCase_IsDeliveredUntouchedWithAnAccurateNote(string fixture, string? note)
    {
        var bytes = fixture == Over35MB ? Over35MBMessage() : await File.ReadAllBytesAsync(MalformedFixture(fixture));

        await ShouldBeDeliveredUntouchedAsync(fixture == Over35MB ? "over-35mb.eml" : fixture, bytes);

        var message = (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Items.Select(i => i.Message).Single(m => m.Summary.Subject != "After");
        message.Summary.Problem.ShouldBe(note);
        message.Summary.SizeBytes.ShouldBe(bytes.Length);
    }

    [Fact]
    public async Task MalformedInputSuite_SidecarThatIsNotJson_IsAStuckInboxItemWithTheReason()
    {
        await Relay.RouteAsync("*", "alice");
        var inbox = Path.Combine(Data.Path, "inbox");
        Directory.CreateDirectory(inbox);
        File.Copy(MalformedFixture("invalid-json-sidecar.eml.json"), Path.Combine(inbox, "invalid-json-sidecar.eml.json"));
        await MessageFiles.DropAsync(Data.Path, "invalid-json-sidecar.eml", await File.ReadAllBytesAsync(MalformedFixture("invalid-json-sidecar.eml")));
        var stuck = Relay.Services.GetRequiredService<MailRelay.Core.Inbound.StuckInbox>();

        var item = (await stuck.ListAsync(default)).ShouldHaveSingleItem();
        (item.Name, item.Reason).ShouldBe(("invalid-json-sidecar.eml", "The envelope sidecar invalid-json-sidecar.eml.json is not valid JSON (line 1, byte 36)."));

        // The jobs are alive, the stuck file stays for an admin, and nothing of it was stored.
        await MessageFiles.DropAsync(Data.Path, "after.eml", MessageFiles.Raw("alice@example.com", "After"), ["alice@example.com"]);
        await RelayHost.EventuallyAsync(async () => (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Total == 1, "the next message is stored");
        File.Exists(Path.Combine(inbox, "invalid-json-sidecar.eml")).ShouldBeTrue();
        (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Items.ShouldHaveSingleItem().Message.Summary.Subject.ShouldBe("After");
    }

    private const string Over35MB = "generated: a message over 35 MB";

    private static string MalformedFixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "malformed", name);

    /// <summary>Generated rather than committed: headers, then 35 MB and one byte of base64-like body lines.</summary>
    private static byte[] Over35MBMessage()
    {
        var headers = System.Text.Encoding.ASCII.GetBytes("From: a@example.com\r\nTo: alice@example.com\r\nSubject: Over 35 MB\r\n\r\n");
        var line = System.Text.Encoding.ASCII.GetBytes(new string('A', 76) + "\r\n");
        var bytes = new byte[headers.Length + 35 * 1024 * 1024 + 1];
        headers.CopyTo(bytes, 0);
        for (var i = headers.Length; i < bytes.Length; i++) bytes[i] = line[(i - headers.Length) % line.Length];
        return bytes;
    }

    /// <summary>Drops the bytes, expects them delivered (or held) exactly as they are, and the jobs still alive afterwards.</summary>
    private async Task ShouldBeDeliveredUntouchedAsync(string name, byte[] bytes)
    {
        await Relay.RouteAsync("*", "alice");
        await MessageFiles.DropAsync(Data.Path, name, bytes, ["alice@example.com"]);

        await RelayHost.EventuallyAsync(async () =>
        {
            var page = await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default);
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

        await RelayHost.EventuallyAsync(async () => (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Total == 1, "the message is stored");
        var item = (await Relay.Store.Messages.ListMessagesAsync(new(), new PageRequest(0, 10), default)).Items.Single();
        var held = item.Deliveries.ShouldHaveSingleItem();
        held.Status.ShouldBe(DeliveryStatus.Held);
        held.LastError!.ShouldContain("No route matches nobody@example.com");
        item.Message.BlobDeleted.ShouldBeFalse();
    }
}
