using System.Globalization;
using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Audit.Adapters;

/// <summary>The append-only audit_log table.</summary>
public sealed class SqliteAuditStore(SqliteDatabase database) : IAuditStore
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

    /// <summary>The unfiltered audit page: the same query as the audit page's filters, with none set.</summary>
    public Task<Page<AuditEntry>> ListAuditAsync(PageRequest page, CancellationToken cancellationToken) =>
        ListAuditAsync(AuditFilter.All, page, cancellationToken);

    /// <summary>By sequence: a cursor continues below its sequence (keyset), otherwise OFFSET; the total is counted.</summary>
    public async Task<Page<AuditEntry>> ListAuditAsync(AuditFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var position = AuditCursor.Position(filter, page);
        var take = page.Take;
        await using var connection = await database.OpenAsync(cancellationToken);
        var items = new List<AuditEntry>();
        var pageFilter = position is { } p && (filter.BeforeSequence is not { } b || p.Sequence < b) ? filter with { BeforeSequence = p.Sequence } : filter;
        await using (var command = AuditCommand(connection, pageFilter, """
            SELECT sequence, at, actor_id, action, target, detail, correlation_id FROM audit_log {0}
            ORDER BY sequence DESC LIMIT $take OFFSET $skip
            """))
        {
            command.Parameters.AddWithValue("$take", take + 1);
            command.Parameters.AddWithValue("$skip", position is null ? page.Skip : 0);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new AuditEntry(reader.GetInt64(0), SqliteValues.ReadTime(reader, 1), reader.GetString(2),
                    reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }
        var next = items.Count > take ? AuditCursor.After(filter, items[take - 1]) : null;
        if (next is not null) items.RemoveAt(take);
        await using var count = AuditCommand(connection, filter, "SELECT COUNT(*) FROM audit_log {0}");
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new Page<AuditEntry>(items, page.Skip, take, total, next);
    }

    public async Task<IReadOnlyList<string>> ListAuditActorsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT actor_id FROM audit_log ORDER BY actor_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var actors = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) actors.Add(reader.GetString(0));
        return actors;
    }

    private static SqliteCommand AuditCommand(SqliteConnection connection, AuditFilter filter, string sqlWithWhere)
    {
        var command = connection.CreateCommand();
        var conditions = new List<string>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }
        if (!string.IsNullOrEmpty(filter.ActorId)) Add("actor_id = $actor", "$actor", filter.ActorId);
        if (!string.IsNullOrEmpty(filter.Action)) Add("action = $action", "$action", filter.Action);
        if (filter.From is { } from) Add("at >= $from", "$from", SqliteValues.Time(from));
        if (filter.To is { } to) Add("at <= $to", "$to", SqliteValues.Time(to));
        if (filter.BeforeSequence is { } before) Add("sequence < $before", "$before", before);
        command.CommandText = string.Format(CultureInfo.InvariantCulture, sqlWithWhere,
            conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions));
        return command;
    }
}
