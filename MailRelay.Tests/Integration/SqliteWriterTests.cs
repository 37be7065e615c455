using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;
using Shouldly;
using Xunit;

namespace MailRelay.Tests.Integration;

/// <summary>
/// The process's one SQLite writer (<see cref="SqliteDatabase.WriteAsync{T}"/>): writes queued together
/// share a transaction, yet a write that fails undoes only itself, a cancelled one never runs, and
/// every caller is answered only once its write is committed.
/// </summary>
public sealed class SqliteWriterTests : IDisposable
{
    private readonly TempSqliteStores _stores = new();

    private SqliteDatabase Database => _stores.Database;

    [Fact]
    public async Task WritesQueuedTogether_OneFails_OnlyItsChangesAreUndoneAndTheOthersCommitOnce()
    {
        await CreateTableAsync();

        // Queued at once, so they share transactions; write 13 inserts its row, then fails.
        var writes = Enumerable.Range(0, 40).Select(i => Database.WriteAsync(async (connection, transaction, token) =>
        {
            await InsertAsync(connection, transaction, i, token);
            if (i == 13) throw new InvalidOperationException("write 13 fails after its insert");
            return i;
        }, CancellationToken.None)).ToList();

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => writes[13]);
        failure.Message.ShouldBe("write 13 fails after its insert");
        for (var i = 0; i < writes.Count; i++)
        {
            if (i != 13) (await writes[i]).ShouldBe(i);
        }
        (await RowsAsync()).ShouldBe([.. Enumerable.Range(0, 40).Where(i => i != 13)]);
    }

    [Fact]
    public async Task WriteCancelledBeforeItsTurn_NeverRuns_AndTheOthersCommit()
    {
        await CreateTableAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var kept = Database.WriteAsync(async (c, t, token) => { await InsertAsync(c, t, 1, token); return 1; }, CancellationToken.None);
        var dropped = Database.WriteAsync(async (c, t, token) => { await InsertAsync(c, t, 2, token); return 2; }, cancelled.Token);

        (await kept).ShouldBe(1);
        await Should.ThrowAsync<OperationCanceledException>(() => dropped);
        (await RowsAsync()).ShouldBe([1]);
    }

    [Fact]
    public async Task Write_IsCommittedBeforeItsCallerIsAnswered()
    {
        await CreateTableAsync();

        await Database.WriteAsync(async (c, t, token) => { await InsertAsync(c, t, 7, token); return 0; }, CancellationToken.None);

        // Another connection (as another process would) sees it at once.
        await using var reader = new SqliteConnection($"Data Source={Database.Path};Pooling=False");
        await reader.OpenAsync();
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM writer_test WHERE n = 7";
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(1);
    }

    private async Task CreateTableAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE writer_test (n INTEGER NOT NULL UNIQUE)";
        await create.ExecuteNonQueryAsync();
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, int n, CancellationToken token)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO writer_test (n) VALUES ($n)";
        insert.Parameters.AddWithValue("$n", n);
        await insert.ExecuteNonQueryAsync(token);
    }

    private async Task<List<int>> RowsAsync()
    {
        await using var connection = await Database.OpenAsync(CancellationToken.None);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT n FROM writer_test ORDER BY n";
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<int>();
        while (await reader.ReadAsync()) rows.Add(reader.GetInt32(0));
        return rows;
    }

    public void Dispose() => _stores.Dispose();
}
