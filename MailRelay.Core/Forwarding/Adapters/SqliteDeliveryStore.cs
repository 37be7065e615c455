using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Core.Queues;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>Deliveries, their leases and their timeline (delivery_events).</summary>
public sealed class SqliteDeliveryStore(SqliteDatabase database) : IDeliveryStore
{
    public async Task<IReadOnlyList<Delivery>> ClaimDueDeliveriesAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var claimed = await database.WriteAsync((connection, transaction, token) => ClaimAsync(connection, transaction, owner, now, leaseUntil, max, token), cancellationToken);
        return claimed.OrderBy(d => d.MessageSequence).ThenBy(d => d.Id).ToList();
    }

    /// <summary>
    /// Leases the due deliveries. The NOT EXISTS keeps each user's received order: nothing overtakes an
    /// earlier delivery of the same lane that waits to retry or is in someone else's hands. Its status IN
    /// term lets it read ix_deliveries_lane_open (open deliveries only), not the lane's whole delivered
    /// history: at 60,000 delivered messages a claim took 147 ms that way, inside the one writer, and 0.7 ms now.
    /// </summary>
    internal static readonly string ClaimSql = $"""
            UPDATE deliveries SET lease_owner = $owner, lease_until = $until
            WHERE id IN (
                SELECT d.id FROM deliveries d
                WHERE (d.status = 'Pending' OR (d.status = 'Retrying' AND d.next_attempt_at <= $now))
                  AND (d.lease_until IS NULL OR d.lease_until < $now)
                  AND NOT EXISTS (
                      SELECT 1 FROM deliveries e
                      WHERE e.user_id = d.user_id AND e.target = d.target AND e.message_sequence < d.message_sequence
                        AND e.status IN ('Pending', 'Retrying')
                        AND ((e.status = 'Retrying' AND e.next_attempt_at > $now) OR (e.lease_until >= $now AND e.lease_owner <> $owner)))
                ORDER BY d.message_sequence, d.id
                LIMIT $max)
            RETURNING {SqliteDeliveryRows.DeliveryColumns.Replace("d.", "", StringComparison.Ordinal)}
            """;

    private static async Task<List<Delivery>> ClaimAsync(SqliteConnection connection, SqliteTransaction transaction, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ClaimSql;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$until", SqliteValues.Time(leaseUntil));
        command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        command.Parameters.AddWithValue("$max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<Delivery>();
        while (await reader.ReadAsync(cancellationToken)) claimed.Add(SqliteDeliveryRows.ReadDelivery(reader));
        return claimed;
    }

    public Task<bool> CompleteDeliveryAsync(string owner, DeliveryUpdate update, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction, token) => CompleteAsync(connection, transaction, owner, update, token), cancellationToken);

    private static async Task<bool> CompleteAsync(SqliteConnection connection, SqliteTransaction transaction, string owner, DeliveryUpdate update, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE deliveries SET status = $status, attempts = attempts + $attempt, next_attempt_at = $next, last_error = $error,
                external_id = COALESCE($external, external_id), updated_at = $at, lease_owner = NULL, lease_until = NULL
            WHERE id = $id AND lease_owner = $owner
            """;
        command.Parameters.AddWithValue("$status", update.Status.ToString());
        command.Parameters.AddWithValue("$attempt", update.CountsAsAttempt ? 1 : 0);
        command.Parameters.AddWithValue("$next", SqliteValues.OptionalTime(update.NextAttemptAt));
        command.Parameters.AddWithValue("$error", (object?)update.Error ?? DBNull.Value);
        command.Parameters.AddWithValue("$external", (object?)update.ExternalId ?? DBNull.Value);
        command.Parameters.AddWithValue("$at", SqliteValues.Time(update.At));
        command.Parameters.AddWithValue("$id", update.DeliveryId);
        command.Parameters.AddWithValue("$owner", owner);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0) return false;
        await SqliteDeliveryRows.AddEventAsync(connection, transaction, update.DeliveryId, update.Status, update.Error ?? update.ExternalId, update.At, cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<long>> RenewLeasesAsync(string owner, IReadOnlyCollection<long> deliveryIds, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        if (deliveryIds.Count == 0) return [];
        return await database.WriteAsync((connection, transaction, token) => RenewAsync(connection, transaction, owner, deliveryIds, leaseUntil, token), cancellationToken);
    }

    private static async Task<List<long>> RenewAsync(SqliteConnection connection, SqliteTransaction transaction, string owner, IReadOnlyCollection<long> deliveryIds, DateTimeOffset leaseUntil,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Conditional on the owner and on still being due: completing or releasing clears the owner.
        command.CommandText = $"""
            UPDATE deliveries SET lease_until = $until
            WHERE lease_owner = $owner AND status IN ('Pending', 'Retrying') AND id IN ({string.Join(",", deliveryIds)})
            RETURNING id
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$until", SqliteValues.Time(leaseUntil));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var renewed = new List<long>();
        while (await reader.ReadAsync(cancellationToken)) renewed.Add(reader.GetInt64(0));
        return renewed;
    }

    public async Task ReleaseLeasesAsync(string owner, IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        if (deliveryIds.Count == 0) return;
        await database.WriteAsync(async (connection, transaction, token) =>
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"UPDATE deliveries SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = $owner AND id IN ({string.Join(",", deliveryIds)})";
            command.Parameters.AddWithValue("$owner", owner);
            return await command.ExecuteNonQueryAsync(token);
        }, cancellationToken);
    }

    public Task<int> QueueUserDeliveriesAsync(string userId, DeliveryTarget target, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        BulkStatusChange("user_id = $user AND target = $target AND status IN ('Pending', 'Retrying')", DeliveryStatus.Queued, reason, now,
            c => { c.Parameters.AddWithValue("$user", userId); c.Parameters.AddWithValue("$target", target.ToString()); }, cancellationToken);

    public Task<int> MakeUserDeliveriesDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken) =>
        BulkStatusChange("user_id = $user AND status IN ('Queued', 'Retrying')", DeliveryStatus.Pending, "Due now", now,
            c => c.Parameters.AddWithValue("$user", userId), cancellationToken);

    public async Task<IReadOnlyList<string>> ListUsersWithQueuedDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT user_id FROM deliveries WHERE status = 'Queued' AND user_id IS NOT NULL ORDER BY user_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) users.Add(reader.GetString(0));
        return users;
    }

    public async Task<Delivery?> FindDeliveryAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await SqliteDeliveryRows.QueryDeliveries(connection, "WHERE d.id = $id", c => c.Parameters.AddWithValue("$id", deliveryId), cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Delivery>> ListDeliveriesOfMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await SqliteDeliveryRows.OfMessageAsync(connection, messageId, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryEvent>> ListDeliveryEventsAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT delivery_id, at, status, detail FROM delivery_events WHERE delivery_id = $id ORDER BY id";
        command.Parameters.AddWithValue("$id", deliveryId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<DeliveryEvent>();
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new DeliveryEvent(reader.GetInt64(0), SqliteValues.ReadTime(reader, 1), Enum.Parse<DeliveryStatus>(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3)));
        return events;
    }

    public async Task<bool> ChangeDeliveryStatusAsync(long deliveryId, IReadOnlyCollection<DeliveryStatus> from, DeliveryStatus to, string? userId, string detail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await BulkStatusChange($"id = $id AND status IN ({string.Join(",", from.Select(s => $"'{s}'"))})", to, detail, now, c =>
        {
            c.Parameters.AddWithValue("$id", deliveryId);
        }, cancellationToken, userId);
        return changed == 1;
    }

    public async Task<IReadOnlyList<UserQueueSummary>> SummarizeQueuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COALESCE(user_id, ''),
                   SUM(status = 'Pending'), SUM(status = 'Queued'), SUM(status = 'Retrying'), SUM(status = 'Held'), SUM(status = 'Failed'), SUM(status = 'Delivered'),
                   MIN(CASE WHEN status IN ('Pending', 'Queued', 'Retrying', 'Held', 'Failed') THEN created_at END)
            FROM deliveries GROUP BY COALESCE(user_id, '') ORDER BY 1
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var summaries = new List<UserQueueSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            summaries.Add(new UserQueueSummary(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
                reader.GetInt32(5), reader.GetInt32(6), SqliteValues.ReadOptionalTime(reader, 7)));
        }
        return summaries;
    }

    public async Task<UserQueueSummary> SummarizeUserQueueAsync(string userId, DateTimeOffset? createdUpTo, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COALESCE(SUM(status = 'Pending'), 0), COALESCE(SUM(status = 'Queued'), 0), COALESCE(SUM(status = 'Retrying'), 0),
                   COALESCE(SUM(status = 'Held'), 0), COALESCE(SUM(status = 'Failed'), 0), COALESCE(SUM(status = 'Delivered'), 0),
                   MIN(CASE WHEN status IN ('Pending', 'Queued', 'Retrying', 'Held', 'Failed') THEN created_at END)
            FROM deliveries WHERE user_id = $user AND ($upTo IS NULL OR created_at <= $upTo)
            """;
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$upTo", SqliteValues.OptionalTime(createdUpTo));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new UserQueueSummary(userId, reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.GetInt32(4), reader.GetInt32(5), SqliteValues.ReadOptionalTime(reader, 6));
    }

    /// <summary>Changes status where the condition holds, makes the rows due now, frees leases, and writes one event per row.</summary>
    private Task<int> BulkStatusChange(string condition, DeliveryStatus to, string detail, DateTimeOffset now, Action<SqliteCommand> bind, CancellationToken cancellationToken, string? newUserId = null) =>
        database.WriteAsync((connection, transaction, token) => BulkStatusChangeAsync(connection, transaction, condition, to, detail, now, bind, newUserId, token), cancellationToken);

    private static async Task<int> BulkStatusChangeAsync(SqliteConnection connection, SqliteTransaction transaction, string condition, DeliveryStatus to, string detail, DateTimeOffset now,
        Action<SqliteCommand> bind, string? newUserId, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"""
                UPDATE deliveries SET status = $to, next_attempt_at = $now, updated_at = $now, lease_owner = NULL, lease_until = NULL,
                    last_error = CASE WHEN $to IN ('Queued', 'Held', 'Failed') THEN $detail ELSE last_error END,
                    user_id = COALESCE($newUser, user_id)
                WHERE {condition} RETURNING id
                """;
            command.Parameters.AddWithValue("$to", to.ToString());
            command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
            command.Parameters.AddWithValue("$detail", detail);
            command.Parameters.AddWithValue("$newUser", (object?)newUserId ?? DBNull.Value);
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
        }
        foreach (var id in ids) await SqliteDeliveryRows.AddEventAsync(connection, transaction, id, to, detail, now, cancellationToken);
        return ids.Count;
    }

}
