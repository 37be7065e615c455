using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MailRelay.Core.Audit;
using MailRelay.Core.Audit.Adapters;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Inbound;
using MailRelay.Core.Inbound.Adapters;
using MailRelay.Core.Infrastructure.DynamoDb;

namespace MailRelay.Benchmarks;

/// <summary>
/// Writes delivered history in bulk (BatchWriteItem, 25 items a call) with the store classes' own item
/// builders: per message its record, its delivery slot, its delivered delivery and its audit entry, then the counters the
/// stores keep (message, delivery and audit numbers, each user's delivered count). Adding, claiming and
/// completing each message through the stores would take an hour on dynalite for 100,000; the items
/// these skip (sequence reservations, events, received pointers) live in partitions of their own that the measured reads never touch.
/// </summary>
public sealed class HistorySeeder(DynamoDbTable table, Func<int, string> userOf, DateTimeOffset start)
{
    private readonly DynamoDbQueueItems _queue = new(table);

    /// <summary>Messages number <paramref name="first"/> up to (not including) <paramref name="end"/>; numbers equal the message number + 1.</summary>
    public async Task SeedAsync(int first, int end, CancellationToken cancellationToken)
    {
        var items = Enumerable.Range(first, end - first).SelectMany(ItemsOf);
        await Parallel.ForEachAsync(items.Chunk(25), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (chunk, token) => await WriteAsync(chunk, token));
        foreach (var counter in new[] { "message", "delivery", "audit" }) await table.TakeNumbersAsync(counter, end - first, cancellationToken);
        foreach (var user in Enumerable.Range(first, end - first).GroupBy(userOf))
            await _queue.CountDeliveredAsync(user.Key, user.Count(), cancellationToken);
        foreach (var month in Enumerable.Range(first, end - first).Select(n => DynamoDbAuditStore.Month(At(n))).Distinct())
            await table.PutIfAsync(DynamoDbAuditStore.MonthItem(month), null, cancellationToken);
    }

    public DateTimeOffset At(int n) => start.AddSeconds(n * 30);

    private IEnumerable<Dictionary<string, AttributeValue>> ItemsOf(int n)
    {
        var at = At(n);
        var id = "hist-" + n.ToString("D7", CultureInfo.InvariantCulture);
        var user = userOf(n);
        var message = new StoredMessage(id, n + 1, "bench", at, "inbound/" + id, [$"{user}@example.com"], Verdicts.Unknown,
            new MessageSummary($"sender{n}@example.org", $"{user}@example.com", "History " + n, at, $"<{id}@example.org>", 40_000, null), false);
        var delivery = new NewDelivery($"{user}@example.com", user, DeliveryTarget.Gmail, DeliveryStatus.Delivered, false, null);
        yield return DynamoDbMessageStore.MessageItem(message);
        // The slot, as ReserveNumberAsync keeps it: the message list finds the message's deliveries through it.
        yield return DynamoDbTable.NewItem("MSG#" + id, "SLOT#" + delivery.TargetKey).Also("Value", DynamoDbValues.N(n + 1));
        yield return DynamoDbDeliveryItems.DeliveryItem(new Delivery(n + 1, id, n + 1, $"{user}@example.com", user, DeliveryTarget.Gmail,
            DeliveryStatus.Delivered, 1, null, null, "gmail-" + n, false, at, at), version: 3, leaseOwner: null, leaseUntil: null);
        yield return DynamoDbAuditStore.AuditItem(n + 1, new NewAuditEntry(user, "message.forwarded", id), at);
    }

    private Task WriteAsync(Dictionary<string, AttributeValue>[] chunk, CancellationToken cancellationToken) =>
        table.BatchWriteAsync(chunk.Select(i => new WriteRequest { PutRequest = new PutRequest { Item = i } }), cancellationToken);
}
