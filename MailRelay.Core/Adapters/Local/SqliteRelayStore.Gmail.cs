using MailRelay.Core.Domain;

namespace MailRelay.Core.Adapters.Local;

public sealed partial class SqliteRelayStore
{
    public async Task<GmailConnection?> FindGmailConnectionAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT user_id, gmail_address, protected_refresh_token, scopes, issued_at, expires_at, status, failure_count, last_error, last_error_at
            FROM gmail_connections WHERE user_id = $user
            """;
        command.Parameters.AddWithValue("$user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new GmailConnection(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            SqliteValues.ReadTime(reader, 4), SqliteValues.ReadOptionalTime(reader, 5),
            Enum.Parse<GmailConnectionStatus>(reader.GetString(6)), reader.GetInt32(7),
            reader.IsDBNull(8) ? null : reader.GetString(8), SqliteValues.ReadOptionalTime(reader, 9));
    }

    public async Task SaveGmailConnectionAsync(GmailConnection c, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO gmail_connections (user_id, gmail_address, protected_refresh_token, scopes, issued_at, expires_at, status, failure_count, last_error, last_error_at)
            VALUES ($user, $address, $token, $scopes, $issued, $expires, $status, $failures, $error, $errorAt)
            ON CONFLICT (user_id) DO UPDATE SET gmail_address = excluded.gmail_address, protected_refresh_token = excluded.protected_refresh_token,
                scopes = excluded.scopes, issued_at = excluded.issued_at, expires_at = excluded.expires_at, status = excluded.status,
                failure_count = excluded.failure_count, last_error = excluded.last_error, last_error_at = excluded.last_error_at
            """;
        command.Parameters.AddWithValue("$user", c.UserId);
        command.Parameters.AddWithValue("$address", c.GmailAddress);
        command.Parameters.AddWithValue("$token", c.ProtectedRefreshToken);
        command.Parameters.AddWithValue("$scopes", c.Scopes);
        command.Parameters.AddWithValue("$issued", SqliteValues.Time(c.IssuedAt));
        command.Parameters.AddWithValue("$expires", SqliteValues.OptionalTime(c.ExpiresAt));
        command.Parameters.AddWithValue("$status", c.Status.ToString());
        command.Parameters.AddWithValue("$failures", c.FailureCount);
        command.Parameters.AddWithValue("$error", (object?)c.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$errorAt", SqliteValues.OptionalTime(c.LastErrorAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpdateGmailConnectionStatusAsync(string userId, GmailConnectionStatus status, int failureCount, string? lastError, DateTimeOffset? lastErrorAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE gmail_connections SET status = $status, failure_count = $failures, last_error = $error, last_error_at = $errorAt
            WHERE user_id = $user
            """;
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$status", status.ToString());
        command.Parameters.AddWithValue("$failures", failureCount);
        command.Parameters.AddWithValue("$error", (object?)lastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$errorAt", SqliteValues.OptionalTime(lastErrorAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
