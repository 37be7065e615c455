using MailRelay.Core.Domain;
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
        await RelayHost.EventuallyAsync(async () => (await Relay.Store.ListMessagesAsync(new(), 0, 10, default)).Total == 1, "the first copy is stored");
        await MessageFiles.DropAsync(Data.Path, "second.eml", raw);
        await RelayHost.EventuallyAsync(() => Task.FromResult(!File.Exists(Path.Combine(Data.Path, "inbox", "second.eml"))), "the second copy is acknowledged");

        var messages = await Relay.Store.ListMessagesAsync(new(), 0, 10, default);
        messages.Total.ShouldBe(1);
        messages.Items.Single().Deliveries.ShouldHaveSingleItem();
    }
}
