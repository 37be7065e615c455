using MailRelay.Core.Domain;

namespace MailRelay.Core.Adapters.Local;

public sealed partial class SqliteRelayStore
{
    public async Task<AuditEntry> AppendAuditAsync(NewAuditEntry entry, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit_log (at, actor_id, action, target, detail, correlation_id)
            VALUES ($at, $actor, $action, $target, $detail, $correlation) RETURNING sequence
            """;
        command.Parameters.AddWithValue("$at", SqliteValues.Time(at));
        command.Parameters.AddWithValue("$actor", entry.ActorId);
        command.Parameters.AddWithValue("$action", entry.Action);
        command.Parameters.AddWithValue("$target", entry.Target);
        command.Parameters.AddWithValue("$detail", (object?)entry.Detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$correlation", (object?)entry.CorrelationId ?? DBNull.Value);
        var sequence = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return new AuditEntry(sequence, at, entry.ActorId, entry.Action, entry.Target, entry.Detail, entry.CorrelationId);
    }

    public async Task<Page<AuditEntry>> ListAuditAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var items = new List<AuditEntry>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT sequence, at, actor_id, action, target, detail, correlation_id
                FROM audit_log ORDER BY sequence DESC LIMIT $take OFFSET $skip
                """;
            command.Parameters.AddWithValue("$take", take);
            command.Parameters.AddWithValue("$skip", skip);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new AuditEntry(reader.GetInt64(0), SqliteValues.ReadTime(reader, 1), reader.GetString(2),
                    reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }
        var total = await CountAsync("SELECT COUNT(*) FROM audit_log", cancellationToken);
        return new Page<AuditEntry>(items, skip, take, total);
    }
}
