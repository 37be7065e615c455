using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MailRelay.Core.Infrastructure.Sqlite;

/// <summary>Opens connections to the SQLite file with the settings every connection needs, and writes through this process's one writer (<see cref="WriteAsync{T}"/>).</summary>
public sealed class SqliteDatabase
{
    private static readonly object Configured = new();

    private readonly string _connectionString;
    private readonly SqliteWriteQueue _writes;

    /// <summary>The native connections (pooled) that have had their pragmas; forgotten when the pool closes them.</summary>
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public SqliteDatabase(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var checkpointer = new SqliteCheckpointer(OpenAsync);
        _writes = new SqliteWriteQueue(OpenAsync, checkpointer.Committed);
    }

    public string Path { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        // The settings belong to the native connection, which the pool hands out again and again: they are
        // set once per native connection, not on every open (a delivery opens several).
        if (_configured.TryGetValue(connection.Handle!, out _)) return connection;
        await using var pragmas = connection.CreateCommand();
        // Per connection: busy_timeout waits instead of failing on a lock; no commit copies the log into the file
        // (SqliteCheckpointer does, beside the writer). WAL is set once, at start: it is persistent.
        pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;";
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        _configured.AddOrUpdate(connection.Handle!, Configured);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in this process's write transaction, with the other writes queued
    /// meanwhile (one commit for all), and returns once it is committed. If it throws, only its changes
    /// are undone (the others run again without it). It may run more than once, so it must not act outside
    /// the database. Every command it runs must use the transaction it is given, and it must neither
    /// commit nor roll back.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _writes.WriteAsync(work, cancellationToken);
}
