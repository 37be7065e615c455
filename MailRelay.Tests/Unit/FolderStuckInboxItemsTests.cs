using MailRelay.Core.Inbound.Adapters;
using MailRelay.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailRelay.Tests.Unit;

/// <summary>The drop folder's stuck files: listed with their reason, released or deleted, never outside the folder.</summary>
public sealed class FolderStuckInboxItemsTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private string Inbox => Path.Combine(_data.Path, "inbox");

    public void Dispose() => _data.Dispose();

    private string Drop(string name, string? sidecar)
    {
        Directory.CreateDirectory(Inbox);
        var path = Path.Combine(Inbox, name);
        File.WriteAllText(path, "From: a@example.net\r\nTo: Alice <alice@example.com>\r\nSubject: Hi\r\n\r\nBody\r\n");
        if (sidecar is not null) File.WriteAllText(path + ".json", sidecar);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(-5));
        return path;
    }

    [Theory]
    [InlineData("{ not json", "The envelope sidecar x.eml.json is not valid JSON (line 1, byte 3).")]
    [InlineData("""{"recipients": "bob@example.com"}""", "The envelope sidecar x.eml.json is not usable: \"recipients\" must be a list of addresses, like {\"recipients\": [\"alice@example.com\"]}.")]
    [InlineData("""["bob@example.com"]""", "The envelope sidecar x.eml.json is not usable: \"recipients\" must be a list of addresses, like {\"recipients\": [\"alice@example.com\"]}.")]
    [InlineData("""{"recipients": [null]}""", "The envelope sidecar x.eml.json is not usable: \"recipients\" must be a list of addresses, and one is null.")]
    public async Task List_MalformedSidecar_IsStuckWithTheReason_AndIntakeSkipsIt(string sidecar, string reason)
    {
        Drop("x.eml", sidecar);
        Drop("fine.eml", """{"recipients": ["bob@example.com"]}""");
        Drop("no-sidecar.eml", null);

        var stuck = await new FolderStuckInboxItems(Inbox).ListAsync(default);

        var item = stuck.ShouldHaveSingleItem();
        (item.Name, item.Reason).ShouldBe(("x.eml", reason));
        item.SizeBytes.ShouldBe(new FileInfo(Path.Combine(Inbox, "x.eml")).Length);
        var received = await new FolderInboundSource(Inbox, TimeProvider.System, NullLogger<FolderInboundSource>.Instance).ReceiveAsync(10, default);
        received.Select(i => Path.GetFileName(i.Handle)).ShouldBe(["fine.eml", "no-sidecar.eml"], ignoreOrder: true);
    }

    [Fact]
    public async Task Intake_StuckFile_IsReadAndLoggedOnce_ThenTakenInAtOnceWhenItsSidecarIsFixedOrReleased()
    {
        Drop("x.eml", "{ not json");
        Drop("y.eml", "{ not json");
        var log = new CapturingLogger<FolderInboundSource>();
        var source = new FolderInboundSource(Inbox, TimeProvider.System, log);

        for (var run = 0; run < 3; run++) (await source.ReceiveAsync(10, default)).ShouldBeEmpty();

        log.Entries.Count(e => e.Message.Contains("x.eml")).ShouldBe(1);
        log.Entries.Count(e => e.Message.Contains("y.eml")).ShouldBe(1);
        File.WriteAllText(Path.Combine(Inbox, "x.eml.json"), """{"recipients": ["bob@example.com"]}""");
        File.SetLastWriteTimeUtc(Path.Combine(Inbox, "x.eml.json"), DateTime.UtcNow.AddSeconds(-1));
        (await new FolderStuckInboxItems(Inbox).ReleaseAsync("y.eml", default)).ShouldBeTrue();
        var taken = await source.ReceiveAsync(10, default);
        taken.Select(i => (Path.GetFileName(i.Handle), i.Recipients.Single())).ShouldBe([("x.eml", "bob@example.com"), ("y.eml", "alice@example.com")], ignoreOrder: true);
    }

    [Fact]
    public async Task Release_StuckFile_SetsTheSidecarAside_SoIntakeRoutesByTheToHeader_AndAcknowledgeRemovesBoth()
    {
        var path = Drop("x.eml", "{ not json");
        var stuck = new FolderStuckInboxItems(Inbox);

        (await stuck.ReleaseAsync("x.eml", default)).ShouldBeTrue();

        (await stuck.ListAsync(default)).ShouldBeEmpty();
        var source = new FolderInboundSource(Inbox, TimeProvider.System, NullLogger<FolderInboundSource>.Instance);
        var item = (await source.ReceiveAsync(10, default)).ShouldHaveSingleItem();
        item.Recipients.ShouldBe(["alice@example.com"]);
        await source.AcknowledgeAsync(item, default);
        Directory.GetFiles(Inbox).ShouldBeEmpty();
        File.Exists(path + ".json.released").ShouldBeFalse();
    }

    [Fact]
    public async Task Delete_StuckFile_RemovesItAndItsSidecar_ButNotAFileThatIsNotStuck()
    {
        Drop("x.eml", "{ not json");
        Drop("fine.eml", """{"recipients": ["bob@example.com"]}""");
        var stuck = new FolderStuckInboxItems(Inbox);

        (await stuck.DeleteAsync("x.eml", default)).ShouldBeTrue();
        (await stuck.DeleteAsync("fine.eml", default)).ShouldBeFalse();
        (await stuck.DeleteAsync("missing.eml", default)).ShouldBeFalse();

        Directory.GetFiles(Inbox).Select(Path.GetFileName).ShouldBe(["fine.eml", "fine.eml.json"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("../outside.eml")]
    [InlineData("..\\outside.eml")]
    [InlineData("/etc/outside.eml")]
    [InlineData("sub/x.eml")]
    [InlineData("..")]
    [InlineData("x.eml.json")]
    [InlineData("")]
    public async Task ReleaseOrDelete_NameThatIsAPath_IsRefused_AndNothingOutsideTheFolderIsTouched(string name)
    {
        // A stuck file outside the inbox, where a path in the name would point.
        var outside = Path.Combine(_data.Path, "outside.eml");
        File.WriteAllText(outside, "Subject: outside\r\n\r\n");
        File.WriteAllText(outside + ".json", "{ not json");
        Drop("x.eml", "{ not json");
        var stuck = new FolderStuckInboxItems(Inbox);

        (await stuck.ReleaseAsync(name, default)).ShouldBeFalse();
        (await stuck.DeleteAsync(name, default)).ShouldBeFalse();

        File.Exists(outside).ShouldBeTrue();
        File.Exists(outside + ".json").ShouldBeTrue();
        File.Exists(Path.Combine(Inbox, "x.eml.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Sqs_HasNoStuckItems_AndRefusesEveryName()
    {
        var sqs = new SqsStuckInboxItems();

        (await sqs.ListAsync(default)).ShouldBeEmpty();
        (await sqs.ReleaseAsync("x.eml", default)).ShouldBeFalse();
        (await sqs.DeleteAsync("x.eml", default)).ShouldBeFalse();
    }
}
