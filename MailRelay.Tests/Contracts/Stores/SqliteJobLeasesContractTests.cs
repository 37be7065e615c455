using MailRelay.Tests.Support;

namespace MailRelay.Tests.Contracts.Stores;

public sealed class SqliteJobLeasesContractTests : JobLeasesContract
{
    private readonly TempSqliteStores _sqlite = new();

    protected override Task<StorePorts> CreateStoresAsync() => Task.FromResult(_sqlite.Ports);

    public override Task DisposeAsync()
    {
        _sqlite.Dispose();
        return Task.CompletedTask;
    }
}
