using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>The stuck-item contract on a drop folder: an unreadable item is a <c>.eml</c> whose envelope sidecar is not JSON.</summary>
public sealed class FolderStuckInboxItemsContractTests : StuckInboxItemsContract
{
    private readonly TempDirectory _directory = new();

    private string Inbox => Path.Combine(_directory.Path, "inbox");

    protected override Task<IStuckInboxItems> CreateItemsAsync() => Task.FromResult<IStuckInboxItems>(new FolderStuckInboxItems(Inbox));

    protected override async Task<string?> LeaveUnreadableItemAsync()
    {
        var name = $"{Guid.NewGuid():N}.eml";
        await DropAsync(name, "{ recipients: not json");
        return name;
    }

    protected override Task LeaveReadableItemAsync(string name) => DropAsync(name, """{"recipients": ["bob@example.com"]}""");

    /// <summary>A stuck file outside the folder is never reached through a path-like name.</summary>
    [Fact]
    public async Task Delete_PathLeadingOutOfTheFolder_LeavesTheFileThere()
    {
        var outside = Path.Combine(_directory.Path, "stuck.eml");
        await File.WriteAllTextAsync(outside, "From: a@example.net\r\n\r\nBody\r\n");
        await File.WriteAllTextAsync(outside + ".json", "{ not json");
        Directory.CreateDirectory(Inbox);

        (await Items.DeleteAsync("../stuck.eml", default)).ShouldBeFalse();
        (await Items.ReleaseAsync("../stuck.eml", default)).ShouldBeFalse();

        File.Exists(outside).ShouldBeTrue();
        File.Exists(outside + ".json").ShouldBeTrue();
    }

    private async Task DropAsync(string name, string sidecar)
    {
        Directory.CreateDirectory(Inbox);
        var path = Path.Combine(Inbox, name);
        await File.WriteAllTextAsync(path, "From: a@example.net\r\nTo: Alice <alice@example.com>\r\nSubject: Hi\r\n\r\nBody\r\n");
        await File.WriteAllTextAsync(path + ".json", sidecar);
    }

    public override Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
