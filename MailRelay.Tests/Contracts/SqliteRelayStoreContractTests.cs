using MailRelay.Core.Adapters.Local;
using MailRelay.Core.Ports;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MailRelay.Tests.Contracts;

public sealed class SqliteRelayStoreContractTests : RelayStoreContract
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase _database = null!;

    protected override Task<IRelayStore> CreateStoreAsync()
    {
        _database = new SqliteDatabase(Path.Combine(_directory.Path, "nested", "mailrelay.db"));
        return Task.FromResult<IRelayStore>(new SqliteRelayStore(_database));
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AuditLog_UpdateOrDeleteThroughSql_IsRefusedByTheDatabase()
    {
        await Store.AppendAuditAsync(new("alice", "user.sign-in", "alice"), DateTimeOffset.UnixEpoch, default);
        await using var connection = await _database.OpenAsync(default);

        foreach (var sql in new[] { "UPDATE audit_log SET actor_id = 'mallory'", "DELETE FROM audit_log" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Should.ThrowAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            error.Message.ShouldContain("append-only");
        }
        (await Store.ListAuditAsync(0, 10, default)).Items.ShouldHaveSingleItem().ActorId.ShouldBe("alice");
    }

    [Fact]
    public async Task Migrations_AreRecordedOncePerVersion()
    {
        await Store.InitializeAsync(default);
        await using var connection = await _database.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM schema_migrations";
        var applied = (string)(await command.ExecuteScalarAsync())!;
        applied.ShouldBe(string.Join(",", SqliteMigrator.Known().Select(m => m.Version)));
    }
}
