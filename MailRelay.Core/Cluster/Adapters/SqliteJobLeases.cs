using MailRelay.Core.Infrastructure.Sqlite;

namespace MailRelay.Core.Cluster.Adapters;

/// <summary>The job_leases table: one row per job, taken over with one conditional upsert.</summary>
public sealed class SqliteJobLeases(SqliteDatabase database) : IJobLeases
{
    public async Task<bool> TryAcquireAsync(string jobName, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // One statement, so two instances asking at once cannot both see the lease free.
        command.CommandText = """
            INSERT INTO job_leases (job_name, owner, lease_until) VALUES ($job, $owner, $until)
            ON CONFLICT (job_name) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until
            WHERE job_leases.owner = excluded.owner OR job_leases.lease_until < $now
            RETURNING owner
            """;
        command.Parameters.AddWithValue("$job", jobName);
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$until", SqliteValues.Time(until));
        command.Parameters.AddWithValue("$now", SqliteValues.Time(now));
        return await command.ExecuteScalarAsync(cancellationToken) is string;
    }

    public async Task ReleaseAsync(string jobName, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM job_leases WHERE job_name = $job AND owner = $owner";
        command.Parameters.AddWithValue("$job", jobName);
        command.Parameters.AddWithValue("$owner", owner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
