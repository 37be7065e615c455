using MailRelay.Core.Notifications;
using MailRelay.Core.Notifications.Adapters;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts;

/// <summary>The notification contract for the local pickup folder the admin Outbox page reads.</summary>
public sealed class PickupNotificationSenderContractTests : NotificationSenderContract
{
    private readonly TempDirectory _data = new();

    private string Outbox => Path.Combine(_data.Path, "outbox");

    protected override Task<INotificationSender> CreateSenderAsync() =>
        Task.FromResult<INotificationSender>(new PickupNotificationSender(Outbox, From, TimeProvider.System));

    /// <summary>The pickup folder would have to be made inside a file.</summary>
    protected override INotificationSender CreateSenderThatCannotHandOver()
    {
        File.WriteAllText(Path.Combine(_data.Path, "not-a-folder"), "");
        return new PickupNotificationSender(UnreachableDestination, From, TimeProvider.System);
    }

    protected override string UnreachableDestination => Path.Combine(_data.Path, "not-a-folder", "outbox");

    protected override Task<IReadOnlyList<byte[]>> ArrivedAsync(int count) => ArrivedSoFarAsync();

    /// <summary>Every file in the folder: a half-written one (<c>.partial</c>) would count too.</summary>
    protected override async Task<IReadOnlyList<byte[]>> ArrivedSoFarAsync() =>
        Directory.Exists(Outbox) ? await Task.WhenAll(Directory.GetFiles(Outbox).Select(f => File.ReadAllBytesAsync(f))) : [];

    public override Task DisposeAsync()
    {
        _data.Dispose();
        return Task.CompletedTask;
    }
}
