using MailRelay.Core.Common;
using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Users.Adapters;

/// <summary>Users and their roles: the users and user_roles tables.</summary>
public sealed class SqliteUserStore(SqliteDatabase database) : IUserStore
{
    public async Task<AppUser> UpsertUserAsync(string id, string email, string displayName, IReadOnlyList<string> roles, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO users (id, email, display_name, created_at, last_sign_in_at) VALUES ($id, $email, $name, $at, $at)
                ON CONFLICT (id) DO UPDATE SET email = excluded.email, display_name = excluded.display_name, last_sign_in_at = excluded.last_sign_in_at
                """;
            upsert.Parameters.AddWithValue("$id", id);
            upsert.Parameters.AddWithValue("$email", email);
            upsert.Parameters.AddWithValue("$name", displayName);
            upsert.Parameters.AddWithValue("$at", SqliteValues.Time(signedInAt));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var clear = connection.CreateCommand())
        {
            clear.Transaction = transaction;
            clear.CommandText = "DELETE FROM user_roles WHERE user_id = $id";
            clear.Parameters.AddWithValue("$id", id);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO user_roles (user_id, role) VALUES ($id, $role)";
            insert.Parameters.AddWithValue("$id", id);
            insert.Parameters.AddWithValue("$role", role);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (await FindUserAsync(id, cancellationToken))!;
    }

    public async Task EnsureUserAsync(string id, string email, string displayName, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindUserAsync(id, cancellationToken) is null) await UpsertUserAsync(id, email, displayName, roles, now, cancellationToken);
    }

    public async Task<AppUser?> FindUserAsync(string id, CancellationToken cancellationToken)
    {
        var users = await QueryUsers("WHERE u.id = $id", cmd => cmd.Parameters.AddWithValue("$id", id), cancellationToken);
        return users.SingleOrDefault();
    }

    /// <summary>By email, then id: a cursor continues after its (email, id) (keyset), otherwise OFFSET.</summary>
    public async Task<Page<AppUser>> ListUsersAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var position = UserCursor.Position(page);
        var take = page.Take;
        var where = position is null ? "" : "WHERE u.email > $email OR (u.email = $email AND u.id > $id)";
        var items = await QueryUsers($"{where} ORDER BY u.email, u.id LIMIT $take OFFSET $skip", cmd =>
        {
            if (position is { } p)
            {
                cmd.Parameters.AddWithValue("$email", p.Email);
                cmd.Parameters.AddWithValue("$id", p.Id);
            }
            cmd.Parameters.AddWithValue("$take", take + 1);
            cmd.Parameters.AddWithValue("$skip", position is null ? page.Skip : 0);
        }, cancellationToken);
        var next = items.Count > take ? UserCursor.After(items[take - 1]) : null;
        if (next is not null) items.RemoveAt(take);
        var total = await CountAsync("SELECT COUNT(*) FROM users", cancellationToken);
        return new Page<AppUser>(items, page.Skip, take, total, next);
    }

    private async Task<List<AppUser>> QueryUsers(string tail, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT u.id, u.email, u.display_name, u.created_at, u.last_sign_in_at,
                   (SELECT group_concat(r.role, ' ') FROM user_roles r WHERE r.user_id = u.id)
            FROM users u {tail}
            """;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<AppUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var roles = reader.IsDBNull(5) ? [] : reader.GetString(5).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            users.Add(new AppUser(reader.GetString(0), reader.GetString(1), reader.GetString(2), roles,
                SqliteValues.ReadTime(reader, 3), SqliteValues.ReadTime(reader, 4)));
        }
        return users;
    }

    private async Task<int> CountAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
