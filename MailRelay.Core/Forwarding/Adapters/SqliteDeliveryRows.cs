using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>
/// The deliveries and delivery_events SQL that the message store shares with the delivery store:
/// a message inserts its deliveries in its own transaction, and its list shows them.
/// </summary>
internal static class SqliteDeliveryRows
{
    public const string DeliveryColumns = """
        d.id, d.message_id, d.message_sequence, d.recipient, d.user_id, d.target, d.status, d.attempts, d.next_attempt_at,
        d.last_error, d.external_id, d.mark_as_spam, d.created_at, d.updated_at
        """;

    /// <summary>Inserts the delivery with its first event unless the message has one for its target already; its id, or null.</summary>
    public static async Task<long?> InsertDeliveryAsync(SqliteConnection connection, SqliteTransaction transaction, string messageId, long sequence,
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

    public static async Task AddEventAsync(SqliteConnection connection, SqliteTransaction transaction, long deliveryId, DeliveryStatus status, string? detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO delivery_events (delivery_id, at, status, detail) VALUES ($id, $at, $status, $detail)";
        command.Parameters.AddWithValue("$id", deliveryId);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(at));
        command.Parameters.AddWithValue("$status", status.ToString());
        command.Parameters.AddWithValue("$detail", (object?)detail ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static Task<List<Delivery>> OfMessageAsync(SqliteConnection connection, string messageId, CancellationToken cancellationToken) =>
        QueryDeliveries(connection, "WHERE d.message_id = $id ORDER BY d.id", c => c.Parameters.AddWithValue("$id", messageId), cancellationToken);

    public static async Task<List<Delivery>> QueryDeliveries(SqliteConnection connection, string tail, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {DeliveryColumns} FROM deliveries d {tail}";
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var deliveries = new List<Delivery>();
        while (await reader.ReadAsync(cancellationToken)) deliveries.Add(ReadDelivery(reader));
        return deliveries;
    }

    public static Delivery ReadDelivery(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
        Enum.Parse<DeliveryTarget>(r.GetString(5)), Enum.Parse<DeliveryStatus>(r.GetString(6)), r.GetInt32(7),
        SqliteValues.ReadOptionalTime(r, 8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
        r.GetInt64(11) != 0, SqliteValues.ReadTime(r, 12), SqliteValues.ReadTime(r, 13));
}
