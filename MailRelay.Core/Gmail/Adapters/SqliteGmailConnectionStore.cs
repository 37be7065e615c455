using MailRelay.Core.Infrastructure.Sqlite;

namespace MailRelay.Core.Gmail.Adapters;

/// <summary>Gmail connections, renewals and consent requests.</summary>
public sealed class SqliteGmailConnectionStore(SqliteDatabase database) : IGmailConnectionStore
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

    public async Task<bool> DeleteGmailConnectionAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM gmail_connections WHERE user_id = $user";
        command.Parameters.AddWithValue("$user", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<GmailRenewal> AddGmailRenewalAsync(GmailRenewal renewal, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO gmail_renewals (user_id, at, gmail_address, scopes, expires_at, waiting_at_renewal)
            VALUES ($user, $at, $address, $scopes, $expires, $waiting) RETURNING id
            """;
        command.Parameters.AddWithValue("$user", renewal.UserId);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(renewal.At));
        command.Parameters.AddWithValue("$address", renewal.GmailAddress);
        command.Parameters.AddWithValue("$scopes", renewal.Scopes);
        command.Parameters.AddWithValue("$expires", SqliteValues.OptionalTime(renewal.ExpiresAt));
        command.Parameters.AddWithValue("$waiting", renewal.WaitingAtRenewal);
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return renewal with { Id = id };
    }

    public async Task<IReadOnlyList<GmailRenewal>> ListGmailRenewalsAsync(string userId, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, user_id, at, gmail_address, scopes, expires_at, waiting_at_renewal
            FROM gmail_renewals WHERE user_id = $user ORDER BY at DESC, id DESC LIMIT $max
            """;
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var renewals = new List<GmailRenewal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            renewals.Add(new GmailRenewal(reader.GetInt64(0), reader.GetString(1), SqliteValues.ReadTime(reader, 2), reader.GetString(3),
                reader.GetString(4), SqliteValues.ReadOptionalTime(reader, 5), reader.GetInt32(6)));
        }
        return renewals;
    }

    public async Task SaveGmailConsentRequestAsync(GmailConsentRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM gmail_consent_requests WHERE expires_at < $now;
            INSERT INTO gmail_consent_requests (state_hash, user_id, protected_code_verifier, redirect_uri, created_at, expires_at)
            VALUES ($hash, $user, $verifier, $redirect, $created, $expires)
            """;
        command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        command.Parameters.AddWithValue("$hash", request.StateHash);
        command.Parameters.AddWithValue("$user", request.UserId);
        command.Parameters.AddWithValue("$verifier", request.ProtectedCodeVerifier);
        command.Parameters.AddWithValue("$redirect", request.RedirectUri);
        command.Parameters.AddWithValue("$created", SqliteValues.Time(request.CreatedAt));
        command.Parameters.AddWithValue("$expires", SqliteValues.Time(request.ExpiresAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<GmailConsentRequest?> TakeGmailConsentRequestAsync(string stateHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement: of two callbacks racing with the same state, only one gets the row.
        command.CommandText = """
            DELETE FROM gmail_consent_requests WHERE state_hash = $hash
            RETURNING state_hash, user_id, protected_code_verifier, redirect_uri, created_at, expires_at
            """;
        command.Parameters.AddWithValue("$hash", stateHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new GmailConsentRequest(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            SqliteValues.ReadTime(reader, 4), SqliteValues.ReadTime(reader, 5));
    }

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
