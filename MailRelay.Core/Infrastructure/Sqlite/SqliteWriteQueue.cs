using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Infrastructure.Sqlite;

/// <summary>
/// The one writer of this process on the SQLite file (group commit). SQLite lets one connection
/// write at a time, and Microsoft.Data.Sqlite's async calls run synchronously: writers racing for the
/// lock each held a thread-pool thread asleep in SQLite's busy handler, which starved the pool that
/// runs the Gmail uploads. Here writes wait in a queue, and whatever queued while the previous
/// transaction ran goes into the next one. The writer is a thread of its own, not a thread-pool item:
/// every write of the process waits for it, so it must not wait behind the uploads and lanes for a
/// pool thread (a profile at 1,000 messages/s showed intake waiting there more than in SQLite).
/// It ends after a second without writes and starts again with the next one.
/// </summary>
internal sealed class SqliteWriteQueue(Func<CancellationToken, Task<SqliteConnection>> open, Action committed)
{
    /// <summary>Enough to share one commit among every lane of a batch; small enough to keep each transaction short.</summary>
    private const int MaxWritesPerTransaction = 256;

    private static readonly TimeSpan IdleBeforeExit = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private readonly Queue<IQueuedWrite> _queued = new();
    private bool _writing;

    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new QueuedWrite<T>(work, cancellationToken);
        bool start;
        lock (_gate)
        {
            _queued.Enqueue(write);
            start = !_writing;
            _writing = true;
            Monitor.Pulse(_gate);
        }
        if (start) new Thread(Write) { IsBackground = true, Name = "SQLite writer" }.Start();
        return write.Result;
    }

    private void Write()
    {
        while (NextGroup() is { } group)
        {
            // The writes' SQLite calls complete synchronously: waiting here blocks nothing but this thread.
            WriteGroupAsync(group).GetAwaiter().GetResult();
        }
    }

    /// <summary>The writes queued so far (up to a transaction's worth), waiting for one if there are none; null once idle long enough to end.</summary>
    private List<IQueuedWrite>? NextGroup()
    {
        lock (_gate)
        {
            while (_queued.Count == 0)
            {
                if (!Monitor.Wait(_gate, IdleBeforeExit) && _queued.Count == 0)
                {
                    _writing = false;
                    return null;
                }
            }
            var group = new List<IQueuedWrite>(Math.Min(_queued.Count, MaxWritesPerTransaction));
            while (group.Count < MaxWritesPerTransaction && _queued.TryDequeue(out var next)) group.Add(next);
            return group;
        }
    }

    /// <summary>
    /// The group in one transaction; if any of its writes fails, each write again in a transaction of its
    /// own, so a failing write undoes only its own changes and the others still commit. (Savepoints around
    /// each write did the same at two more statements per write, on the one thread every write waits for.)
    /// </summary>
    private async Task WriteGroupAsync(List<IQueuedWrite> group)
    {
        if (group.Count > 1 && await TryCommitAsync(group)) return;
        foreach (var write in group) await TryCommitAsync([write]);
    }

    /// <summary>Runs the writes in one transaction and commits; false (nothing committed) when one failed. A write alone is told its failure.</summary>
    private async Task<bool> TryCommitAsync(List<IQueuedWrite> writes)
    {
        var ran = new List<IQueuedWrite>(writes.Count);
        try
        {
            await using var connection = await open(CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
            foreach (var write in writes)
            {
                // One cancelled before its turn is told so and left out; the others need not wait for it.
                if (write.CancelIfRequested()) continue;
                await write.RunAsync(connection, transaction);
                ran.Add(write);
            }
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not committed: none of these writes happened.
            if (writes.Count == 1) writes[0].Fail(e);
            return false;
        }
        committed();
        foreach (var write in ran) write.Complete();
        return true;
    }

    private interface IQueuedWrite
    {
        /// <summary>True (and its caller told) when the write was cancelled before it ran.</summary>
        bool CancelIfRequested();

        /// <summary>Runs the write in the transaction; it may run again in another if this one is not committed.</summary>
        Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : IQueuedWrite
    {
        // Continuations run elsewhere: the caller's code must never run inside the writer's transaction.
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;

        public bool CancelIfRequested()
        {
            if (!cancellationToken.IsCancellationRequested) return false;
            _result.TrySetCanceled(cancellationToken);
            return true;
        }

        public async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _value = await work(connection, transaction, cancellationToken);

        public void Complete() => _result.TrySetResult(_value!);

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested) _result.TrySetCanceled(cancellationToken);
            else _result.TrySetException(exception);
        }
    }
}
