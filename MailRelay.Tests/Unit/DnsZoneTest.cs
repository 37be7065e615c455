using MailRelay.Core.Infrastructure.Sqlite;
using MailRelay.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MailRelay.Tests.Unit;

/// <summary>A scripted DNS zone served over DoH (<see cref="FakeDohEndpoint"/>) and a fresh SQLite store, for the tests of the DNS checks.</summary>
public abstract class DnsZoneTest : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    protected FakeDohEndpoint Zone { get; private set; } = null!;

    protected StorePorts Store { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Zone = await FakeDohEndpoint.StartAsync();
        Store = StorePorts.Sqlite(new SqliteDatabase(Path.Combine(_data.Path, "mailrelay.db")));
        await Store.Schema.InitializeAsync(default);
    }

    public async Task DisposeAsync()
    {
        await Zone.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
