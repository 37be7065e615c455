using MailRelay.Core.Infrastructure.Sqlite;

namespace MailRelay.Core.Metrics.Adapters;

/// <summary>The one-minute queue_metrics table.</summary>
public sealed class SqliteMetricPointStore(SqliteDatabase database) : IMetricPointStore
{
    // The total has no user; '*' stands for it in the key because a primary key column cannot be null.
    private const string TotalKey = "*";

    public async Task SaveMetricPointsAsync(IReadOnlyCollection<MetricPoint> points, CancellationToken cancellationToken)
    {
        if (points.Count == 0) return;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO queue_metrics (minute, name, user_key, value) VALUES ($minute, $name, $user, $value)
            ON CONFLICT (minute, name, user_key) DO UPDATE SET value = excluded.value
            """;
        var minute = command.Parameters.Add("$minute", Microsoft.Data.Sqlite.SqliteType.Text);
        var name = command.Parameters.Add("$name", Microsoft.Data.Sqlite.SqliteType.Text);
        var user = command.Parameters.Add("$user", Microsoft.Data.Sqlite.SqliteType.Text);
        var value = command.Parameters.Add("$value", Microsoft.Data.Sqlite.SqliteType.Real);
        foreach (var point in points)
        {
            minute.Value = SqliteValues.Time(point.Minute);
            name.Value = point.Name;
            user.Value = point.UserId ?? TotalKey;
            value.Value = point.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One upsert per outcome that has a count, each adding to the stored value, so two instances adding at once both count.</summary>
    public async Task AddOutcomesAsync(DateTimeOffset minute, OutcomeCounts counts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO queue_metrics (minute, name, user_key, value) VALUES ($minute, $name, $user, $count)
            ON CONFLICT (minute, name, user_key) DO UPDATE SET value = value + excluded.value
            """;
        command.Parameters.AddWithValue("$minute", SqliteValues.Time(minute));
        command.Parameters.AddWithValue("$user", TotalKey);
        var name = command.Parameters.Add("$name", Microsoft.Data.Sqlite.SqliteType.Text);
        var count = command.Parameters.Add("$count", Microsoft.Data.Sqlite.SqliteType.Real);
        foreach (var (outcome, value) in new[] { (MetricNames.Delivered, counts.Delivered), (MetricNames.Queued, counts.Queued), (MetricNames.Failed, counts.Failed) })
        {
            if (value == 0) continue;
            name.Value = outcome;
            count.Value = (double)value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<OutcomeMinute>> ListOutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        OutcomeMinutes.FromPoints(await ListMetricPointsAsync(from, to, cancellationToken));

    public async Task<IReadOnlyList<MetricPoint>> ListMetricPointsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT minute, name, user_key, value FROM queue_metrics
            WHERE minute >= $from AND minute < $to ORDER BY minute, name, user_key
            """;
        command.Parameters.AddWithValue("$from", SqliteValues.Time(from));
        command.Parameters.AddWithValue("$to", SqliteValues.Time(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var points = new List<MetricPoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(2);
            points.Add(new MetricPoint(SqliteValues.ReadTime(reader, 0), reader.GetString(1), key == TotalKey ? null : key, reader.GetDouble(3)));
        }
        return points;
    }

    public async Task<int> PruneMetricPointsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM queue_metrics WHERE minute < $before";
        command.Parameters.AddWithValue("$before", SqliteValues.Time(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
