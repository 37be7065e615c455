using System.Text.Json;
using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Smtp.Adapters;

/// <summary>The smtp_users table.</summary>
public sealed class SqliteSmtpUserStore(SqliteDatabase database) : ISmtpUserStore
{
    private const string SmtpUserColumns = """
        id, name, owner_user_id, allowed_from, status, iam_user_name, access_key_id, protected_password, attempts,
        next_attempt_at, last_error, error_history, created_at, last_rotated_at, lease_owner, lease_until
        """;

    private const int SqliteConstraint = 19;

    public async Task<bool> CreateSmtpUserAsync(SmtpUser user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO smtp_users ({SmtpUserColumns}) VALUES ($id, $name, $owner, $from, $status, $iam, $key, $password, $attempts,
                $next, $error, $history, $created, $rotated, $lease_owner, $lease_until)
            """;
        AddSmtpUserParameters(command, user);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            return false;
        }
    }

    public async Task<SmtpUser?> FindSmtpUserAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SmtpUserColumns} FROM smtp_users WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadSmtpUser(reader) : null;
    }

    /// <summary>Newest first, then the greater id: a cursor continues after its (created, id) (keyset), otherwise OFFSET.</summary>
    public async Task<Page<SmtpUser>> ListSmtpUsersAsync(SmtpUserQuery query, CancellationToken cancellationToken)
    {
        var position = SmtpUserCursor.Position(query);
        var where = new List<string>();
        void Bind(SqliteCommand c)
        {
            if (!string.IsNullOrWhiteSpace(query.Search)) c.Parameters.AddWithValue("$search", $"%{query.Search.Trim().ToLowerInvariant()}%");
            if (query.Status is { } status) c.Parameters.AddWithValue("$status", status.ToString());
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
            where.Add("(lower(name) LIKE $search OR lower(owner_user_id) LIKE $search OR allowed_from LIKE $search)");
        if (query.Status is not null) where.Add("status = $status");
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);

        await using var connection = await database.OpenAsync(cancellationToken);
        int total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = $"SELECT COUNT(*) FROM smtp_users {filter}";
            Bind(count);
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken));
        }
        await using var command = connection.CreateCommand();
        var keyset = position is null ? filter : (where.Count == 0 ? "WHERE" : filter + " AND") + " (created_at < $created OR (created_at = $created AND id < $id))";
        command.CommandText = $"SELECT {SmtpUserColumns} FROM smtp_users {keyset} ORDER BY created_at DESC, id DESC LIMIT $take OFFSET $skip";
        Bind(command);
        if (position is { } p)
        {
            command.Parameters.AddWithValue("$created", SqliteValues.Time(p.CreatedAt));
            command.Parameters.AddWithValue("$id", p.Id);
        }
        command.Parameters.AddWithValue("$take", query.Take + 1);
        command.Parameters.AddWithValue("$skip", position is null ? query.Skip : 0);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<SmtpUser>();
        while (await reader.ReadAsync(cancellationToken)) items.Add(ReadSmtpUser(reader));
        var next = items.Count > query.Take ? SmtpUserCursor.After(query, items[query.Take - 1]) : null;
        if (next is not null) items.RemoveAt(query.Take);
        return new Page<SmtpUser>(items, query.Skip, query.Take, total, next);
    }

    public async Task<bool> UpdateSmtpUserAsync(SmtpUser user, SmtpUserStatus expectedStatus, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE smtp_users SET name = $name, owner_user_id = $owner, allowed_from = $from, status = $status, iam_user_name = $iam,
                access_key_id = $key, protected_password = $password, attempts = $attempts, next_attempt_at = $next, last_error = $error,
                error_history = $history, created_at = $created, last_rotated_at = $rotated, lease_owner = $lease_owner, lease_until = $lease_until
            WHERE id = $id AND status = $expected
            """;
        AddSmtpUserParameters(command, user);
        command.Parameters.AddWithValue("$expected", expectedStatus.ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<SmtpUser>> ClaimDueSmtpUsersAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE smtp_users SET lease_owner = $owner, lease_until = $until
            WHERE id IN (
                SELECT id FROM smtp_users
                WHERE status IN ('Pending', 'Provisioning', 'Deleting') AND (next_attempt_at IS NULL OR next_attempt_at <= $now)
                  AND (lease_until IS NULL OR lease_until < $now)
                ORDER BY created_at, id
                LIMIT $max)
            RETURNING {SmtpUserColumns}
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$until", SqliteValues.Time(leaseUntil));
        command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<SmtpUser>();
        while (await reader.ReadAsync(cancellationToken)) claimed.Add(ReadSmtpUser(reader));
        return claimed.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<bool> DeleteSmtpUserAsync(string id, SmtpUserStatus expectedStatus, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM smtp_users WHERE id = $id AND status = $expected";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$expected", expectedStatus.ToString());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static void AddSmtpUserParameters(SqliteCommand command, SmtpUser user)
    {
        command.Parameters.AddWithValue("$id", user.Id);
        command.Parameters.AddWithValue("$name", user.Name);
        command.Parameters.AddWithValue("$owner", user.OwnerUserId);
        command.Parameters.AddWithValue("$from", JsonSerializer.Serialize(user.AllowedFrom));
        command.Parameters.AddWithValue("$status", user.Status.ToString());
        command.Parameters.AddWithValue("$iam", user.IamUserName);
        command.Parameters.AddWithValue("$key", (object?)user.AccessKeyId ?? DBNull.Value);
        command.Parameters.AddWithValue("$password", (object?)user.ProtectedPassword ?? DBNull.Value);
        command.Parameters.AddWithValue("$attempts", user.Attempts);
        command.Parameters.AddWithValue("$next", SqliteValues.OptionalTime(user.NextAttemptAt));
        command.Parameters.AddWithValue("$error", (object?)user.LastError ?? DBNull.Value);
        command.Parameters.AddWithValue("$history", JsonSerializer.Serialize(user.ErrorHistory));
        command.Parameters.AddWithValue("$created", SqliteValues.Time(user.CreatedAt));
        command.Parameters.AddWithValue("$rotated", SqliteValues.OptionalTime(user.LastRotatedAt));
        command.Parameters.AddWithValue("$lease_owner", (object?)user.LeaseOwner ?? DBNull.Value);
        command.Parameters.AddWithValue("$lease_until", SqliteValues.OptionalTime(user.LeaseUntil));
    }

    private static SmtpUser ReadSmtpUser(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2),
        JsonSerializer.Deserialize<List<string>>(r.GetString(3)) ?? [],
        Enum.Parse<SmtpUserStatus>(r.GetString(4)), r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.GetInt32(8), SqliteValues.ReadOptionalTime(r, 9), r.IsDBNull(10) ? null : r.GetString(10),
        JsonSerializer.Deserialize<List<SmtpUserError>>(r.GetString(11)) ?? [],
        SqliteValues.ReadTime(r, 12), SqliteValues.ReadOptionalTime(r, 13),
        r.IsDBNull(14) ? null : r.GetString(14), SqliteValues.ReadOptionalTime(r, 15));
}
