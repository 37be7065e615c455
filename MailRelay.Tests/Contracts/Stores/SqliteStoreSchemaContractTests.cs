using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts.Stores;

public sealed class SqliteStoreSchemaContractTests : StoreSchemaContract
{
    private readonly TempSqliteStores _sqlite = new();

    protected override Task<StorePorts> CreateStoresAsync() => Task.FromResult(_sqlite.Ports);

    public override Task DisposeAsync()
    {
        _sqlite.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Migrations_AreRecordedOncePerVersion()
    {
        await Stores.Schema.InitializeAsync(default);
        await using var connection = await _sqlite.Database.OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version) FROM schema_migrations";
        var applied = (string)(await command.ExecuteScalarAsync())!;
        applied.ShouldBe(string.Join(",", SqliteMigrator.Known().Select(m => m.Version)));
    }
}
