using MailRelay.Core.Domain;

namespace MailRelay.Tests.Contracts;

/// <summary>Builders shared by the areas of the store contract.</summary>
public abstract partial class RelayStoreContract
{
    protected static StoredMessage Message(string id, DateTimeOffset at, string? subject = null, params string[] recipients) => new(
        id, 0, "test", at, "inbound/" + id, recipients.Length == 0 ? ["alice@example.com"] : recipients, Verdicts.Unknown,
        new MessageSummary("Sender <sender@example.org>", "alice@example.com", subject ?? "Subject " + id, at, $"<{id}@example.org>", 1234, null), false);

    protected static NewDelivery To(string userId, DeliveryStatus status = DeliveryStatus.Pending, DeliveryTarget target = DeliveryTarget.Gmail, string? note = null) =>
        new($"{userId}@example.com", userId, target, status, false, note);

    /// <summary>Stores a message with its deliveries and returns them as the store numbered them.</summary>
    protected async Task<IReadOnlyList<Delivery>> AddMessageAsync(string id, DateTimeOffset at, params NewDelivery[] deliveries)
    {
        (await Store.AddMessageAsync(Message(id, at), deliveries, at, default)).ShouldBeTrue();
        return await Store.ListDeliveriesOfMessageAsync(id, default);
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
}
