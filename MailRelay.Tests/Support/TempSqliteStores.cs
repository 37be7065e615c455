using MailRelay.Core.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace MailRelay.Tests.Support;

/// <summary>A SQLite database in a directory of its own with every store port on it; the directory goes on dispose.</summary>
public sealed class TempSqliteStores : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TempSqliteStores()
    {
        Database = new SqliteDatabase(Path.Combine(_directory.Path, "nested", "mailrelay.db"));
        Ports = StorePorts.Sqlite(Database);
    }

    public SqliteDatabase Database { get; }

    public StorePorts Ports { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
