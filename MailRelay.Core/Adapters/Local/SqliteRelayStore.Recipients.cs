using System.Text.Json;
using MailRelay.Core.Domain;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Adapters.Local;

public sealed partial class SqliteRelayStore
{
    public async Task<IReadOnlyList<Delivery>> AddRecipientsAsync(string messageId, IReadOnlyList<string> recipients, IReadOnlyList<NewDelivery> deliveries,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
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
            if (await InsertDeliveryAsync(connection, transaction, messageId, sequence, delivery, now, cancellationToken) is { } id) added.Add(id);
        }
        if (added.Count > 0)
        {
            await using var kept = connection.CreateCommand();
            kept.Transaction = transaction;
            kept.CommandText = "UPDATE messages SET blob_deleted = 0 WHERE id = $id";
            kept.Parameters.AddWithValue("$id", messageId);
            await kept.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (added.Count == 0) return [];
        return (await ListDeliveriesOfMessageAsync(messageId, cancellationToken)).Where(d => added.Contains(d.Id)).ToList();
    }
}
