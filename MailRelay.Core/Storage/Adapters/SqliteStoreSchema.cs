using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Storage.Adapters;

/// <summary>The embedded default store's schema: one SQLite file, migrated at start; every store class opens one short-lived connection per call.</summary>
public sealed class SqliteStoreSchema(SqliteDatabase database) : IStoreSchema
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            // WAL lets the UI read while a job writes; the setting stays with the database file.
            wal.CommandText = "PRAGMA journal_mode = WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        await SqliteMigrator.MigrateAsync(connection, cancellationToken);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM schema_migrations";
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
