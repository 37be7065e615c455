using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;

namespace MailRelay.Core.Queues;

/// <summary>What the queue pages and endpoints show: the queues per user, the messages, and one message's deliveries and their history.</summary>
public sealed class QueueView(IMessageStore messageStore, IDeliveryStore deliveryStore, IInboundSource inbound, ILocalMailboxes localMailboxes)
{
    public Task<IReadOnlyList<UserQueueSummary>> SummarizeAsync(CancellationToken cancellationToken) =>
        deliveryStore.SummarizeQueuesAsync(cancellationToken);

    /// <summary>Notifications waiting in the inbound source, not yet taken in.</summary>
    public Task<int> CountWaitingInboundAsync(CancellationToken cancellationToken) => inbound.CountWaitingAsync(cancellationToken);

    /// <summary>Newest first, with each message's deliveries; <see cref="PageRequest.After"/> continues a previous page.</summary>
    public Task<Page<MessageListItem>> ListMessagesAsync(MessageFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        messageStore.ListMessagesAsync(filter, page.Clamped(), cancellationToken);

    /// <summary>
    /// The messages with a delivery to <paramref name="userId"/> (in <paramref name="status"/> when given), newest
    /// first, each showing only that user's deliveries: what My queue shows, never another user's. The user is the
    /// caller's (signed in) on the server; a cursor only says where to continue, and one made for another user's
    /// list is refused (it is tied to the filter, user included).
    /// </summary>
    public async Task<Page<MessageListItem>> ListMineAsync(string userId, DeliveryStatus? status, PageRequest request, CancellationToken cancellationToken)
    {
        var page = await ListMessagesAsync(new MessageFilter(UserId: userId, Status: status), request, cancellationToken);
        var mine = page.Items
            .Select(item => item with { Deliveries = item.Deliveries.Where(d => d.UserId == userId && (status is null || d.Status == status)).ToList() })
            .ToList();
        return page with { Items = mine };
    }

    public Task<StoredMessage?> FindMessageAsync(string messageId, CancellationToken cancellationToken) =>
        messageStore.FindMessageAsync(messageId, cancellationToken);

    /// <summary>The files local delivery wrote into the user's mailbox folder, newest first.</summary>
    public IReadOnlyList<FileInfo> LocalMailboxFiles(string userId) => localMailboxes.List(userId);

    public Task<Delivery?> FindDeliveryAsync(long deliveryId, CancellationToken cancellationToken) =>
        deliveryStore.FindDeliveryAsync(deliveryId, cancellationToken);

    /// <summary>The message's deliveries, each with its history; null when the message is unknown.</summary>
    public async Task<MessageDetails?> DeliveriesOfAsync(string messageId, CancellationToken cancellationToken)
    {
        if (await messageStore.FindMessageAsync(messageId, cancellationToken) is not { } message) return null;
        var deliveries = new List<DeliveryDetails>();
        foreach (var delivery in await deliveryStore.ListDeliveriesOfMessageAsync(messageId, cancellationToken))
            deliveries.Add(new DeliveryDetails(delivery, await deliveryStore.ListDeliveryEventsAsync(delivery.Id, cancellationToken)));
        return new MessageDetails(message, deliveries);
    }
}

/// <summary>A message with its deliveries and their history.</summary>
public sealed record MessageDetails(StoredMessage Message, IReadOnlyList<DeliveryDetails> Deliveries);

/// <summary>One delivery and what happened to it, oldest first.</summary>
public sealed record DeliveryDetails(Delivery Delivery, IReadOnlyList<DeliveryEvent> Events);
