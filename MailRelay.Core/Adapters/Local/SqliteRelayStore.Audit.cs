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

    /// <summary>The unfiltered audit page: the same query as the audit page's filters, with none set.</summary>
    public Task<Page<AuditEntry>> ListAuditAsync(int skip, int take, CancellationToken cancellationToken) =>
        ListAuditAsync(AuditFilter.All, skip, take, cancellationToken);
}
