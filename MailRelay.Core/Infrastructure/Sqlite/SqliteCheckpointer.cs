using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Infrastructure.Sqlite;

/// <summary>
/// Copies the write-ahead log into the database file on a thread of its own, beside the writes.
/// By default SQLite does it inside the commit that takes the log past 1,000 pages, and with
/// synchronous = NORMAL that checkpoint is the only step of a write that waits for the disk (it
/// syncs the log and the file): on the one writer every queued write waited behind it, 11–31 ms
/// every 0.3 s at 600 messages/s and longer on a busy disk. So no connection checkpoints on commit
/// (wal_autocheckpoint = 0, see <see cref="SqliteDatabase.OpenAsync"/>); the writer calls
/// <see cref="Committed"/> and a PASSIVE checkpoint runs here at most every <see cref="Pause"/>, which
/// neither blocks nor waits for the writer. Once the log is wholly copied, the next write starts it
/// again from the beginning, so it stays a few megabytes. SQLite still checkpoints (and removes the
/// log) when the last connection closes.
/// </summary>
internal sealed class SqliteCheckpointer(Func<CancellationToken, Task<SqliteConnection>> open)
{
    /// <summary>Long enough to copy many commits at once, short enough to keep the log small.</summary>
    internal static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(200);

    private readonly object _gate = new();
    private bool _committedSinceLast;
    private bool _running;

    /// <summary>Something was committed: the log will be copied within <see cref="Pause"/>.</summary>
    public void Committed()
    {
        lock (_gate)
        {
            _committedSinceLast = true;
            if (_running) return;
            _running = true;
        }
        new Thread(Run) { IsBackground = true, Name = "SQLite checkpointer" }.Start();
    }

    private void Run()
    {
        while (true)
        {
            Thread.Sleep(Pause);
            lock (_gate)
            {
                if (!_committedSinceLast)
                {
                    // Nothing new since the last copy: the thread ends, and the next commit starts another.
                    _running = false;
                    return;
                }
                _committedSinceLast = false;
            }
            try
            {
                CheckpointAsync().GetAwaiter().GetResult();
            }
            catch (SqliteException)
            {
                // A checkpoint that could not run now (the file busy or gone) is done by the next one:
                // the log only grows meanwhile, nothing is lost.
            }
        }
    }

    private async Task CheckpointAsync()
    {
        await using var connection = await open(CancellationToken.None);
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        await checkpoint.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
