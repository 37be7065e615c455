using System.Reflection;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Infrastructure.Sqlite;

/// <summary>
/// Applies the embedded <c>Migrations/NNN_name.sql</c> scripts in order, each in its own
/// transaction, and records the applied versions in <c>schema_migrations</c>.
/// </summary>
public static class SqliteMigrator
{
    private const string ResourcePrefix = "MailRelay.Core.Infrastructure.Sqlite.Migrations.";

    public static IReadOnlyList<(int Version, string Name)> Known() =>
        Scripts().Select(s => (s.Version, s.Name)).ToList();

    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)", cancellationToken);
        var applied = await AppliedVersions(connection, cancellationToken);
        var count = 0;
        foreach (var script in Scripts().Where(s => !applied.Contains(s.Version)))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, transaction, script.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($v, $n, $at)";
            record.Parameters.AddWithValue("$v", script.Version);
            record.Parameters.AddWithValue("$n", script.Name);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            count++;
        }
        return count;
    }

    private static async Task<HashSet<int>> AppliedVersions(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Scripts()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Parse(assembly, n))
            .OrderBy(s => s.Version);
    }

    private static (int Version, string Name, string Sql) Parse(Assembly assembly, string resource)
    {
        var name = resource[ResourcePrefix.Length..^".sql".Length];
        var version = int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return (version, name, reader.ReadToEnd());
    }
}
