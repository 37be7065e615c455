using MailRelay.Core.Domain;

namespace MailRelay.Core.Adapters.Local;

public sealed partial class SqliteRelayStore
{
    public async Task<IReadOnlyList<ExpiringConnection>> ListConnectionsExpiringBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var userIds = new List<(string UserId, bool AlertSent)>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT user_id, expiry_alert_for IS NOT NULL AND expiry_alert_for = issued_at FROM gmail_connections
                WHERE expires_at IS NOT NULL AND expires_at < $before AND status IN ('Connected', 'Failing') ORDER BY expires_at
                """;
            command.Parameters.AddWithValue("$before", SqliteValues.Time(before));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) userIds.Add((reader.GetString(0), reader.GetInt64(1) != 0));
        }
        var expiring = new List<ExpiringConnection>();
        foreach (var (userId, alertSent) in userIds)
        {
            if (await FindGmailConnectionAsync(userId, cancellationToken) is { } found) expiring.Add(new ExpiringConnection(found, alertSent));
        }
        return expiring;
    }

    public async Task<bool> ClaimExpiryAlertAsync(string userId, DateTimeOffset issuedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE gmail_connections SET expiry_alert_for = issued_at
            WHERE user_id = $user AND issued_at = $issued AND (expiry_alert_for IS NULL OR expiry_alert_for <> issued_at)
            """;
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$issued", SqliteValues.Time(issuedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
