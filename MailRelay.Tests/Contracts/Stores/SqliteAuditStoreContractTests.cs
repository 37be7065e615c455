using MailRelay.Core.Common;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MailRelay.Tests.Contracts.Stores;

public sealed class SqliteAuditStoreContractTests : AuditStoreContract
{
    private readonly TempSqliteStores _sqlite = new();

    protected override Task<StorePorts> CreateStoresAsync() => Task.FromResult(_sqlite.Ports);

    public override Task DisposeAsync()
    {
        _sqlite.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AuditLog_UpdateOrDeleteThroughSql_IsRefusedByTheDatabase()
    {
        await Stores.Audit.AppendAuditAsync(new("alice", "user.sign-in", "alice"), DateTimeOffset.UnixEpoch, default);
        await using var connection = await _sqlite.Database.OpenAsync(default);

        foreach (var sql in new[] { "UPDATE audit_log SET actor_id = 'mallory'", "DELETE FROM audit_log" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var error = await Should.ThrowAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            error.Message.ShouldContain("append-only");
        }
        (await Stores.Audit.ListAuditAsync(new PageRequest(0, 10), default)).Items.ShouldHaveSingleItem().ActorId.ShouldBe("alice");
    }
}
