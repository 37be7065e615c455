using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts.Stores;

/// <summary>
/// What the store contracts share: every port of one adapter (a contract arranges its data through
/// the other ports, e.g. deliveries come with a message), initialized before each test, and builders.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    protected StorePorts Stores { get; private set; } = null!;

    protected abstract Task<StorePorts> CreateStoresAsync();

    public async Task InitializeAsync()
    {
        Stores = await CreateStoresAsync();
        await Stores.Schema.InitializeAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static StoredMessage Message(string id, DateTimeOffset at, string? subject = null, params string[] recipients) => new(
        id, 0, "test", at, "inbound/" + id, recipients.Length == 0 ? ["alice@example.com"] : recipients, Verdicts.Unknown,
        new MessageSummary("Sender <sender@example.org>", "alice@example.com", subject ?? "Subject " + id, at, $"<{id}@example.org>", 1234, null), false);

    protected static NewDelivery To(string userId, DeliveryStatus status = DeliveryStatus.Pending, DeliveryTarget target = DeliveryTarget.Gmail, string? note = null) =>
        new($"{userId}@example.com", userId, target, status, false, note);

    /// <summary>Stores a message with its deliveries and returns them as the store numbered them.</summary>
    protected async Task<IReadOnlyList<Delivery>> AddMessageAsync(string id, DateTimeOffset at, params NewDelivery[] deliveries)
    {
        (await Stores.Messages.AddMessageAsync(Message(id, at), deliveries, at, default)).ShouldBeTrue();
        return await Stores.Deliveries.ListDeliveriesOfMessageAsync(id, default);
    }

    /// <summary>A text far above anything a header should hold (DynamoDB items stop at 400 KB).</summary>
    protected static string HugeText(char fill) => "START-" + new string(fill, 300 * 1024);

    /// <summary>A large value is either kept whole or cut cleanly: never lost, never an error.</summary>
    protected static void ShouldBeKeptOrCut(string? stored, string original)
    {
        stored.ShouldNotBeNull();
        stored.ShouldStartWith(original[..1000]);
        stored.Length.ShouldBeLessThanOrEqualTo(original.Length + 1);
    }

    protected async Task AddDeliveryAsync(string userId, DeliveryStatus status, DateTimeOffset at)
    {
        var id = $"m-{Guid.NewGuid():N}";
        await Stores.Messages.AddMessageAsync(new StoredMessage(id, 0, "test", at, id, [$"{userId}@example.com"], Verdicts.Unknown, new MessageSummary(null, null, null, null, null, 1, null), false),
            [new NewDelivery($"{userId}@example.com", userId, DeliveryTarget.Gmail, status, false, null)], at, default);
    }
}
