using System.Globalization;
using MailRelay.Core.Common;

namespace MailRelay.Core.Cluster.Adapters;

/// <summary>
/// The feed of the local profile, where one process is the whole cluster: its own events are all
/// events, so the feed lives in memory and holds only the latest <see cref="Capacity"/> batches.
/// </summary>
public sealed class InProcessRelayChangeFeed : IRelayChangeFeed
{
    public const int Capacity = 256;

    private readonly Queue<RelayChangeBatch> _batches = new();
    private readonly object _gate = new();
    private long _sequence;

    public Task AppendAsync(string origin, DateTimeOffset at, IReadOnlyCollection<RelayChange> changes, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var id = (++_sequence).ToString(CultureInfo.InvariantCulture);
            _batches.Enqueue(new RelayChangeBatch(id, origin, at, [.. changes]));
            if (_batches.Count > Capacity) _batches.Dequeue();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RelayChangeBatch>> ReadAsync(DateTimeOffset from, DateTimeOffset to, string reader, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<RelayChangeBatch> batches = [.. _batches.Where(b => b.At >= from && b.At < to && b.Origin != reader).OrderBy(b => b.At)];
            return Task.FromResult(batches);
        }
    }
}
