using System.Text.Json;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Forwarding.Adapters;
using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Queues;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Inbound.Adapters;

/// <summary>Messages; their deliveries are inserted with them, in one transaction.</summary>
public sealed class SqliteMessageStore(SqliteDatabase database) : IMessageStore
{
    public Task<bool> AddMessageAsync(StoredMessage message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction, token) => AddMessageAsync(connection, transaction, message, deliveries, now, token), cancellationToken);

    private static async Task<bool> AddMessageAsync(SqliteConnection connection, SqliteTransaction transaction, StoredMessage message, IReadOnlyList<NewDelivery> deliveries,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        long sequence;
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO messages (id, source, received_at, blob_key, size_bytes, recipients, spam_verdict, virus_verdict, spf_verdict,
                    dkim_verdict, dmarc_verdict, header_from, header_to, subject, header_date, header_message_id, parse_problem)
                VALUES ($id, $source, $received, $blob, $size, $recipients, $spam, $virus, $spf, $dkim, $dmarc, $from, $to, $subject, $date, $mid, $problem)
                ON CONFLICT (id) DO NOTHING RETURNING sequence
                """;
            var s = message.Summary;
            var v = message.Verdicts;
            insert.Parameters.AddWithValue("$id", message.Id);
            insert.Parameters.AddWithValue("$source", message.Source);
            insert.Parameters.AddWithValue("$received", SqliteValues.Time(message.ReceivedAt));
            insert.Parameters.AddWithValue("$blob", message.BlobKey);
            insert.Parameters.AddWithValue("$size", s.SizeBytes);
            insert.Parameters.AddWithValue("$recipients", JsonSerializer.Serialize(message.Recipients));
            foreach (var (name, value) in new[] { ("$spam", v.Spam), ("$virus", v.Virus), ("$spf", v.Spf), ("$dkim", v.Dkim), ("$dmarc", v.Dmarc),
                         ("$from", s.From), ("$to", s.To), ("$subject", s.Subject), ("$mid", s.MessageId), ("$problem", s.Problem) })
                insert.Parameters.AddWithValue(name, (object?)value ?? DBNull.Value);
            insert.Parameters.AddWithValue("$date", SqliteValues.OptionalTime(s.Date));
            var result = await insert.ExecuteScalarAsync(cancellationToken);
            if (result is null) return false;
            sequence = (long)result;
        }
        foreach (var delivery in deliveries)
            await SqliteDeliveryRows.InsertDeliveryAsync(connection, transaction, message.Id, sequence, delivery, now, cancellationToken);
        return true;
    }

    public async Task<StoredMessage?> FindMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteMessageRows.MessageColumns} FROM messages m WHERE m.id = $id";
        command.Parameters.AddWithValue("$id", messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? SqliteMessageRows.ReadMessage(reader) : null;
    }

    public async Task<IReadOnlyDictionary<string, StoredMessage>> FindMessagesAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredMessage>(StringComparer.Ordinal);
        if (messageIds.Count == 0) return found;
        await using var connection = await database.OpenAsync(cancellationToken);
        // Within SQLite's limit on bound parameters (32,766), with room to spare.
        foreach (var chunk in messageIds.Distinct(StringComparer.Ordinal).Chunk(1000))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {SqliteMessageRows.MessageColumns} FROM messages m WHERE m.id IN ({string.Join(",", chunk.Select((_, i) => "$m" + i))})";
            for (var i = 0; i < chunk.Length; i++) command.Parameters.AddWithValue("$m" + i, chunk[i]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var message = SqliteMessageRows.ReadMessage(reader);
                found[message.Id] = message;
            }
        }
        return found;
    }

    /// <summary>By sequence: a cursor continues below its sequence (keyset), otherwise OFFSET; the total is counted (local and cheap).</summary>
    public async Task<Page<MessageListItem>> ListMessagesAsync(MessageFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var before = MessageCursor.Before(filter, page);
        var (skip, take) = (before is null ? page.Skip : 0, page.Take);
        var where = new List<string>();
        void Bind(SqliteCommand c)
        {
            if (filter.UserId is not null) c.Parameters.AddWithValue("$user", filter.UserId);
            if (filter.Status is not null) c.Parameters.AddWithValue("$status", filter.Status.ToString());
            if (!string.IsNullOrWhiteSpace(filter.Text)) c.Parameters.AddWithValue("$text", $"%{filter.Text.Trim()}%");
        }
        if (filter.UserId is not null || filter.Status is not null)
        {
            var conditions = new List<string>();
            if (filter.UserId is not null) conditions.Add("d.user_id = $user");
            if (filter.Status is not null) conditions.Add("d.status = $status");
            where.Add($"EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = m.id AND {string.Join(" AND ", conditions)})");
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
            where.Add("(m.subject LIKE $text OR m.header_from LIKE $text OR m.recipients LIKE $text OR m.id LIKE $text)");
        var whereSql = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        var pageSql = before is null ? whereSql : (where.Count == 0 ? "WHERE" : whereSql + " AND") + " m.sequence < $before";

        await using var connection = await database.OpenAsync(cancellationToken);
        var messages = new List<StoredMessage>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {SqliteMessageRows.MessageColumns} FROM messages m {pageSql} ORDER BY m.sequence DESC LIMIT $take OFFSET $skip";
            Bind(command);
            if (before is not null) command.Parameters.AddWithValue("$before", before);
            command.Parameters.AddWithValue("$take", take + 1);
            command.Parameters.AddWithValue("$skip", skip);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) messages.Add(SqliteMessageRows.ReadMessage(reader));
        }
        var next = messages.Count > take ? MessageCursor.After(filter, messages[take - 1].Sequence) : null;
        if (next is not null) messages.RemoveAt(take);
        int total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM messages m {whereSql}";
            Bind(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        var deliveries = messages.Count == 0 ? [] : await SqliteDeliveryRows.QueryDeliveries(connection,
            $"WHERE d.message_id IN ({string.Join(",", messages.Select((_, i) => "$m" + i))}) ORDER BY d.id",
            c => { for (var i = 0; i < messages.Count; i++) c.Parameters.AddWithValue("$m" + i, messages[i].Id); }, cancellationToken);
        var byMessage = deliveries.ToLookup(d => d.MessageId);
        return new Page<MessageListItem>(messages.Select(m => new MessageListItem(m, byMessage[m.Id].ToList())).ToList(), page.Skip, take, total, next);
    }

    public async Task MarkBlobsDeletedAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0) return;
        await database.WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"UPDATE messages SET blob_deleted = 1 WHERE id IN ({string.Join(",", messageIds.Select((_, i) => "$m" + i))})";
            var i = 0;
            foreach (var id in messageIds) command.Parameters.AddWithValue("$m" + i++, id);
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredMessage>> ListFinishedMessagesWithBlobsAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteMessageRows.MessageColumns} FROM messages m
            WHERE m.blob_deleted = 0 AND m.received_at < $before
              AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = m.id AND d.status NOT IN ('Delivered', 'Dropped'))
            ORDER BY m.sequence LIMIT $max
            """;
        command.Parameters.AddWithValue("$before", SqliteValues.Time(receivedBefore));
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<StoredMessage>();
        while (await reader.ReadAsync(cancellationToken)) messages.Add(SqliteMessageRows.ReadMessage(reader));
        return messages;
    }

    public async Task<bool> IsMessageFinishedAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM deliveries WHERE message_id = $id AND status NOT IN ('Delivered', 'Dropped')";
        command.Parameters.AddWithValue("$id", messageId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0;
    }


    public async Task<IReadOnlyList<Delivery>> AddRecipientsAsync(string messageId, IReadOnlyList<string> recipients, IReadOnlyList<NewDelivery> deliveries,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = await database.WriteAsync((connection, transaction, token) => AddRecipientsAsync(connection, transaction, messageId, recipients, deliveries, now, token), cancellationToken);
        if (added.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await SqliteDeliveryRows.OfMessageAsync(connection, messageId, cancellationToken)).Where(d => added.Contains(d.Id)).ToList();
    }

    /// <summary>The ids of the deliveries added (none when the message is unknown or has them all).</summary>
    private static async Task<List<long>> AddRecipientsAsync(SqliteConnection connection, SqliteTransaction transaction, string messageId, IReadOnlyList<string> recipients,
        IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long sequence;
        List<string> listed;
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT sequence, recipients FROM messages WHERE id = $id";
            read.Parameters.AddWithValue("$id", messageId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return [];
            sequence = reader.GetInt64(0);
            listed = JsonSerializer.Deserialize<List<string>>(reader.GetString(1)) ?? [];
        }
        var merged = listed.Concat(recipients).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (merged.Count != listed.Count)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE messages SET recipients = $recipients WHERE id = $id";
            update.Parameters.AddWithValue("$recipients", JsonSerializer.Serialize(merged));
            update.Parameters.AddWithValue("$id", messageId);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        var added = new List<long>();
        foreach (var delivery in deliveries)
        {
            if (await SqliteDeliveryRows.InsertDeliveryAsync(connection, transaction, messageId, sequence, delivery, now, cancellationToken) is { } id) added.Add(id);
        }
        if (added.Count > 0)
        {
            await using var kept = connection.CreateCommand();
            kept.Transaction = transaction;
            kept.CommandText = "UPDATE messages SET blob_deleted = 0 WHERE id = $id";
            kept.Parameters.AddWithValue("$id", messageId);
            await kept.ExecuteNonQueryAsync(cancellationToken);
        }
        return added;
    }
}
