using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Infrastructure.DynamoDb;
using MailRelay.Core.Queues;
using static MailRelay.Core.Forwarding.Adapters.DynamoDbDeliveryItems;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbTable;
using static MailRelay.Core.Infrastructure.DynamoDb.DynamoDbValues;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>The message list of <see cref="DynamoDbMessageStore"/>: pages by cursor (a key condition on the index's sort key), or by skip.</summary>
internal sealed class DynamoDbMessageList(DynamoDbTable table)
{
    private readonly DynamoDbDeliveryItems _items = new(table);

    /// <summary>
    /// Newest first, read from GSI1 MESSAGES (or, with a user filter, from the user's lane LANE#user) below
    /// the cursor's sequence (a key condition), until the page has take matches and one more tells that a
    /// next page exists; each Query asks for skip + take + 1 items at most. So a page by cursor reads about
    /// one page whatever its depth; a page by skip reads the skipped matches too. Per listed message its
    /// slots and deliveries are read (and, from a lane, the message record; with only a status filter, the
    /// deliveries of every message read, to match). The total: the message counter without a filter
    /// (sequences handed out); with one it is not counted (-1) until the last page is read.
    /// </summary>
    public async Task<Page<MessageListItem>> ListAsync(MessageFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var before = MessageCursor.Before(filter, page);
        var (skip, take) = (before is null ? page.Skip : 0, page.Take);
        var found = new List<(StoredMessage Message, IReadOnlyList<Delivery>? Deliveries)>();
        var skipped = 0;
        await foreach (var match in MatchesAsync(filter, before, skip + take + 1, cancellationToken))
        {
            if (skipped++ < skip) continue;
            found.Add(match);
            if (found.Count > take) break;
        }
        var next = found.Count > take ? MessageCursor.After(filter, found[take - 1].Message.Sequence) : null;
        if (next is not null) found.RemoveAt(take);
        var items = new List<MessageListItem>();
        foreach (var (message, deliveries) in found)
            items.Add(new MessageListItem(message, deliveries ?? await _items.OfMessageAsync(message.Id, cancellationToken)));
        var total = Unfiltered(filter)
            ? checked((int)((await table.GetAsync("COUNTER#message", "COUNTER", cancellationToken))?.Num("Value") ?? 0))
            : next is null ? page.Skip + items.Count : Paging.UnknownTotal;
        return new Page<MessageListItem>(items, page.Skip, take, total, next);
    }

    private static bool Unfiltered(MessageFilter filter) => filter.UserId is null && filter.Status is null && string.IsNullOrWhiteSpace(filter.Text);

    /// <summary>The messages that match, newest first, below <paramref name="before"/>; with their deliveries when matching needed them.</summary>
    private async IAsyncEnumerable<(StoredMessage Message, IReadOnlyList<Delivery>? Deliveries)> MatchesAsync(MessageFilter filter, long? before, int wanted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text.Trim();
        if (filter.UserId is not null)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var item in table.ReadAsync(NewestFirst("LANE#" + filter.UserId, before, wanted), cancellationToken))
            {
                var delivery = ReadState(item).Delivery;
                if ((filter.Status is not null && delivery.Status != filter.Status) || !listed.Add(delivery.MessageId)) continue;
                // Deliveries are written before their message commits: one without a message record is not listed yet.
                if (await table.GetAsync("MSG#" + delivery.MessageId, "MESSAGE", cancellationToken) is not { } record) continue;
                var message = DynamoDbMessageStore.ReadMessage(record);
                if (Matches(message, text)) yield return (message, null);
            }
            yield break;
        }
        await foreach (var item in table.ReadAsync(NewestFirst(DynamoDbMessageStore.MessagesIndex, before, wanted), cancellationToken))
        {
            var message = DynamoDbMessageStore.ReadMessage(item);
            if (!Matches(message, text)) continue;
            if (filter.Status is null) yield return (message, null);
            else if (await _items.OfMessageAsync(message.Id, cancellationToken) is var deliveries && deliveries.Any(d => d.Status == filter.Status))
                yield return (message, deliveries);
        }
    }

    private static bool Matches(StoredMessage m, string? text) => text is null
        || new[] { m.Summary.Subject, m.Summary.From, m.Id }.Concat(m.Recipients).Any(f => f is not null && f.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary>Lane keys are sequence#id, so "below the sequence" leaves out every delivery of the cursor's message.</summary>
    private static QueryRequest NewestFirst(string gsi1pk, long? before, int limit) =>
        IndexAfter(gsi1pk, before is { } sequence ? Padded(sequence) : null, limit, newestFirst: true);
}
