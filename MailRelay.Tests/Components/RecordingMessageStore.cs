using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Inbound;
using MailRelay.Core.Queues;

namespace MailRelay.Tests.Components;

/// <summary>
/// The real message store, recording the pages asked for; with <see cref="Uncounted"/> a page that has a next
/// one says its total is unknown, as a filtered DynamoDB list does.
/// </summary>
public sealed class RecordingMessageStore(IMessageStore inner) : IMessageStore
{
    public List<PageRequest> Requests { get; } = [];

    public bool Uncounted { get; init; }

    public async Task<Page<MessageListItem>> ListMessagesAsync(MessageFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        Requests.Add(page);
        var listed = await inner.ListMessagesAsync(filter, page, cancellationToken);
        return Uncounted && listed.Next is not null ? listed with { Total = Paging.UnknownTotal } : listed;
    }

    public Task<bool> AddMessageAsync(StoredMessage message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.AddMessageAsync(message, deliveries, now, cancellationToken);

    public Task<IReadOnlyList<Delivery>> AddRecipientsAsync(string messageId, IReadOnlyList<string> recipients, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now,
        CancellationToken cancellationToken) => inner.AddRecipientsAsync(messageId, recipients, deliveries, now, cancellationToken);

    public Task<StoredMessage?> FindMessageAsync(string messageId, CancellationToken cancellationToken) => inner.FindMessageAsync(messageId, cancellationToken);

    public Task<IReadOnlyDictionary<string, StoredMessage>> FindMessagesAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) =>
        inner.FindMessagesAsync(messageIds, cancellationToken);

    public Task MarkBlobsDeletedAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken) => inner.MarkBlobsDeletedAsync(messageIds, cancellationToken);

    public Task<IReadOnlyList<StoredMessage>> ListFinishedMessagesWithBlobsAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken) =>
        inner.ListFinishedMessagesWithBlobsAsync(receivedBefore, max, cancellationToken);

    public Task<bool> IsMessageFinishedAsync(string messageId, CancellationToken cancellationToken) => inner.IsMessageFinishedAsync(messageId, cancellationToken);
}
