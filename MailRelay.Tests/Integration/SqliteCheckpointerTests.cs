using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Tests.Support;
using Shouldly;
using Xunit;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The write-ahead log is copied into the database file beside the writer, not inside its commits
/// (<see cref="SqliteCheckpointer"/>): no commit waits for the disk, yet the log stays small while
/// writes go on, and nothing written is lost.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private const int Waves = 30;
    private const int WritesPerWave = 100;
    private const int RowBytes = 4096;

    private readonly TempSqliteStores _stores = new();

    private SqliteDatabase Database => _stores.Database;

    [Fact]
    public async Task Commits_DoNotCopyTheLog()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var setting = connection.CreateCommand();
        setting.CommandText = "PRAGMA wal_autocheckpoint";
        ((long)(await setting.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task WritesGoingOn_KeepTheLogSmall_AndEveryRowIsKept()
    {
        await CreateTableAsync();

        // About 12 MB of rows over a few seconds: without copies the log would hold all of it.
        for (var wave = 0; wave < Waves; wave++)
        {
            await Task.WhenAll(Enumerable.Range(wave * WritesPerWave, WritesPerWave).Select(InsertAsync));
            await Task.Delay(50);
        }

        // No log file at all is the smallest log: SQLite copies and removes it when the last connection
        // closes, which another test clearing the shared connection pool can cause at any time.
        var log = new FileInfo(Database.Path + "-wal");
        (log.Exists ? log.Length : 0).ShouldBeLessThan(8L * 1024 * 1024, "the log restarts once copied, so it holds only the writes since the last copy");
        (await CountAsync()).ShouldBe(Waves * WritesPerWave);
    }

    private async Task CreateTableAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var create = connection.CreateCommand();
        create.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE checkpoint_test (n INTEGER NOT NULL UNIQUE, body BLOB NOT NULL)";
        await create.ExecuteNonQueryAsync();
    }

    private Task<int> InsertAsync(int n) => Database.WriteAsync(async (connection, transaction, token) =>
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO checkpoint_test (n, body) VALUES ($n, randomblob($bytes))";
        insert.Parameters.AddWithValue("$n", n);
        insert.Parameters.AddWithValue("$bytes", RowBytes);
        return await insert.ExecuteNonQueryAsync(token);
    }, CancellationToken.None);

    private async Task<long> CountAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM checkpoint_test";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public void Dispose() => _stores.Dispose();
}
