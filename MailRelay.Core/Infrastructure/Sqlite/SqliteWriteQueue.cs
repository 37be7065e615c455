using Microsoft.Data.Sqlite;

namespace MailRelay.Core.Infrastructure.Sqlite;

/// <summary>
/// The one writer of this process on the SQLite file (group commit). SQLite lets one connection
/// write at a time, and Microsoft.Data.Sqlite's async calls run synchronously: writers racing for the
/// lock each held a thread-pool thread asleep in SQLite's busy handler, which starved the pool that
/// runs the Gmail uploads. Here writes wait in a queue without a thread, and whatever queued while the
/// previous transaction ran goes into the next one, each write in a savepoint of its own.
/// </summary>
internal sealed class SqliteWriteQueue(Func<CancellationToken, Task<SqliteConnection>> open)
{
    /// <summary>Enough to share one commit among every lane of a batch; small enough to keep each transaction short.</summary>
    private const int MaxWritesPerTransaction = 256;

    private readonly Lock _gate = new();
    private readonly Queue<IQueuedWrite> _queued = new();
    private bool _draining;

    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new QueuedWrite<T>(work, cancellationToken);
        bool start;
        lock (_gate)
        {
            _queued.Enqueue(write);
            start = !_draining;
            _draining = true;
        }
        // The drain ends when the queue is empty: no thread or task is left behind between bursts.
        if (start) _ = Task.Run(DrainAsync, CancellationToken.None);
        return write.Result;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var group = new List<IQueuedWrite>();
            lock (_gate)
            {
                while (group.Count < MaxWritesPerTransaction && _queued.TryDequeue(out var next)) group.Add(next);
                if (group.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }
            await WriteGroupAsync(group);
        }
    }

    private async Task WriteGroupAsync(List<IQueuedWrite> group)
    {
        var done = new List<IQueuedWrite>(group.Count);
        try
        {
            await using var connection = await open(CancellationToken.None);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
            foreach (var write in group)
            {
                if (await write.RunAsync(connection, transaction)) done.Add(write);
            }
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The transaction did not commit: none of its writes happened (those already told keep their answer).
            foreach (var write in group) write.Fail(e);
            return;
        }
        foreach (var write in done) write.Complete();
    }

    private interface IQueuedWrite
    {
        /// <summary>Runs the write in a savepoint; false when it failed or was cancelled (its changes are undone and its caller told).</summary>
        Task<bool> RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        void Complete();

        void Fail(Exception exception);
    }

    private sealed class QueuedWrite<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : IQueuedWrite
    {
        private const string Savepoint = "queued_write";

        // Continuations run elsewhere: the caller's code must never run inside the writer's transaction.
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _value;

        public Task<T> Result => _result.Task;

        public async Task<bool> RunAsync(SqliteConnection connection, SqliteTransaction transaction)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                _result.TrySetCanceled(cancellationToken);
                return false;
            }
            await transaction.SaveAsync(Savepoint, CancellationToken.None);
            try
            {
                _value = await work(connection, transaction, cancellationToken);
                await transaction.ReleaseAsync(Savepoint, CancellationToken.None);
                return true;
            }
            catch (Exception e)
            {
                await transaction.RollbackAsync(Savepoint, CancellationToken.None);
                await transaction.ReleaseAsync(Savepoint, CancellationToken.None);
                if (e is OperationCanceledException && cancellationToken.IsCancellationRequested) _result.TrySetCanceled(cancellationToken);
                else _result.TrySetException(e);
                return false;
            }
        }

        public void Complete() => _result.TrySetResult(_value!);

        public void Fail(Exception exception) => _result.TrySetException(exception);
    }
}
