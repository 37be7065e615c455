using System.Text.Json;
using MailRelay.Core.Domain;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Adapters.Local;

public sealed partial class SqliteRelayStore
{
    private const string MessageColumns = """
        m.id, m.sequence, m.source, m.received_at, m.blob_key, m.recipients, m.spam_verdict, m.virus_verdict, m.spf_verdict,
        m.dkim_verdict, m.dmarc_verdict, m.header_from, m.header_to, m.subject, m.header_date, m.header_message_id,
        m.size_bytes, m.parse_problem, m.blob_deleted
        """;

    public async Task<bool> AddMessageAsync(StoredMessage message, IReadOnlyList<NewDelivery> deliveries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
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
            await InsertDeliveryAsync(connection, transaction, message.Id, sequence, delivery, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Inserts the delivery with its first event unless the message has one for its target already; its id, or null.</summary>
    private static async Task<long?> InsertDeliveryAsync(SqliteConnection connection, SqliteTransaction transaction, string messageId, long sequence,
        NewDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO deliveries (message_id, message_sequence, recipient, user_id, target, target_key, status, next_attempt_at, mark_as_spam, last_error, created_at, updated_at)
            VALUES ($message, $sequence, $recipient, $user, $target, $key, $status, $now, $spam, $note, $now, $now)
            ON CONFLICT (message_id, target_key) DO NOTHING RETURNING id
            """;
        insert.Parameters.AddWithValue("$message", messageId);
        insert.Parameters.AddWithValue("$sequence", sequence);
        insert.Parameters.AddWithValue("$recipient", delivery.Recipient);
        insert.Parameters.AddWithValue("$user", (object?)delivery.UserId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$target", delivery.Target.ToString());
        insert.Parameters.AddWithValue("$key", delivery.TargetKey);
        insert.Parameters.AddWithValue("$status", delivery.Status.ToString());
        insert.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        insert.Parameters.AddWithValue("$spam", delivery.MarkAsSpam ? 1 : 0);
        insert.Parameters.AddWithValue("$note", (object?)delivery.Note ?? DBNull.Value);
        if (await insert.ExecuteScalarAsync(cancellationToken) is not long id) return null;
        await AddEventAsync(connection, transaction, id, delivery.Status, delivery.Note ?? "Received", now, cancellationToken);
        return id;
    }

    public async Task<StoredMessage?> FindMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {MessageColumns} FROM messages m WHERE m.id = $id";
        command.Parameters.AddWithValue("$id", messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadMessage(reader) : null;
    }

    public async Task<Page<MessageListItem>> ListMessagesAsync(MessageFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
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

        await using var connection = await database.OpenAsync(cancellationToken);
        var messages = new List<StoredMessage>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {MessageColumns} FROM messages m {whereSql} ORDER BY m.sequence DESC LIMIT $take OFFSET $skip";
            Bind(command);
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) messages.Add(ReadMessage(reader));
        }
        int total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM messages m {whereSql}";
            Bind(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        var deliveries = messages.Count == 0 ? [] : await QueryDeliveries(connection,
            $"WHERE d.message_id IN ({string.Join(",", messages.Select((_, i) => "$m" + i))}) ORDER BY d.id",
            c => { for (var i = 0; i < messages.Count; i++) c.Parameters.AddWithValue("$m" + i, messages[i].Id); }, cancellationToken);
        var byMessage = deliveries.ToLookup(d => d.MessageId);
        return new Page<MessageListItem>(messages.Select(m => new MessageListItem(m, byMessage[m.Id].ToList())).ToList(), skip, take, total);
    }

    public async Task MarkBlobDeletedAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE messages SET blob_deleted = 1 WHERE id = $id";
        command.Parameters.AddWithValue("$id", messageId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredMessage>> ListFinishedMessagesWithBlobsAsync(DateTimeOffset receivedBefore, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {MessageColumns} FROM messages m
            WHERE m.blob_deleted = 0 AND m.received_at < $before
              AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = m.id AND d.status NOT IN ('Delivered', 'Dropped'))
            ORDER BY m.sequence LIMIT $max
            """;
        command.Parameters.AddWithValue("$before", SqliteValues.Time(receivedBefore));
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<StoredMessage>();
        while (await reader.ReadAsync(cancellationToken)) messages.Add(ReadMessage(reader));
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

    private static StoredMessage ReadMessage(SqliteDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        var summary = new MessageSummary(S(11), S(12), S(13), SqliteValues.ReadOptionalTime(r, 14), S(15), r.GetInt64(16), S(17));
        return new StoredMessage(r.GetString(0), r.GetInt64(1), r.GetString(2), SqliteValues.ReadTime(r, 3), r.GetString(4),
            JsonSerializer.Deserialize<List<string>>(r.GetString(5)) ?? [], new Verdicts(S(6), S(7), S(8), S(9), S(10)), summary, r.GetInt64(18) != 0);
    }
}
