using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Queues;

namespace MailRelay.Core.Inbound;

/// <summary>Messages as received: stored once per message id, with their blobs' life.</summary>
public interface IMessageStore
{
    /// <summary>
    /// Stores a message and its deliveries together. A message id that is already stored changes
    /// nothing and returns false (intake is idempotent).
    /// </summary>
    Task<bool> AddMessageAsync(StoredMessage message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Adds envelope recipients to a stored message, with the deliveries routing decided for them:
    /// recipients already listed are kept once, and a delivery whose target the message already has
    /// is skipped, so a repeated call changes nothing. When deliveries are added the message's blob
    /// counts as kept again (the caller has stored its bytes again). Returns the deliveries added
    /// (none for an unknown message id).
    /// </summary>
    Task<IReadOnlyList<Delivery>> AddRecipientsAsync(string messageId, IReadOnlyList<string> recipients, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken);

    Task<StoredMessage?> FindMessageAsync(string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// The stored messages among <paramref name="messageIds"/>, by id; unknown ids are left out. One
    /// read for a whole forwarding batch instead of one per delivery.
    /// </summary>
    Task<IReadOnlyDictionary<string, StoredMessage>> FindMessagesAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);

    /// <summary>
    /// Newest first, with each message's deliveries. With <see cref="PageRequest.After"/> the page continues
    /// after that cursor (made by this list with the same filter), reading about one page whatever its depth.
    /// A filtered page may leave <see cref="Page{T}.Total"/> unknown (-1) where counting means reading every message.
    /// </summary>
    Task<Page<MessageListItem>> ListMessagesAsync(MessageFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Records that these messages' raw bytes are deleted (unknown ids are ignored); one write for all.</summary>
    Task MarkBlobsDeletedAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);

    /// <summary>Messages whose every delivery is Delivered or Dropped and whose blob is still kept, received before the cutoff.</summary>
    Task<IReadOnlyList<StoredMessage>> ListFinishedMessagesWithBlobsAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken);

    Task<bool> IsMessageFinishedAsync(string messageId, CancellationToken cancellationToken);
}
