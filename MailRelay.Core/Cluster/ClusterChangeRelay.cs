using MailRelay.Core.Common;

namespace MailRelay.Core.Cluster;

/// <summary>
/// Joins this instance's <see cref="RelayEvents"/> to the other instances' through the
/// <see cref="IRelayChangeFeed"/>: <see cref="SendAsync"/> appends what happened here since the
/// last send as one coalesced batch (nothing when nothing happened), and <see cref="ReceiveAsync"/>
/// republishes the other instances' new batches here. Republished changes are not sent on, so
/// nothing echoes back. <see cref="ClusterChangeRelayHost"/> does both every <see cref="Interval"/>.
/// </summary>
public sealed class ClusterChangeRelay : IDisposable
{
    /// <summary>One write per instance per second at most, however many deliveries it makes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How far back each read looks: batches seen once are dropped by id, so the window only has
    /// to cover a slow append, an eventually consistent read and clocks a few seconds apart.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(15);

    private readonly IRelayChangeFeed _feed;
    private readonly RelayEvents _events;
    private readonly ClusterInstance _instance;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = [];
    private List<RelayChange> _pending = [];

    public ClusterChangeRelay(IRelayChangeFeed feed, RelayEvents events, ClusterInstance instance, TimeProvider time)
    {
        _feed = feed;
        _events = events;
        _instance = instance;
        _time = time;
        _events.ChangedHere += Collect;
    }

    private void Collect(RelayChange change)
    {
        lock (_gate) _pending.Add(change);
    }

    /// <summary>Appends the changes made here since the last send, coalesced; a failed append puts them back for the next.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        List<RelayChange> batch;
        lock (_gate) (batch, _pending) = (_pending, []);
        if (batch.Count == 0) return;
        try
        {
            await _feed.AppendAsync(_instance.Name, _time.GetUtcNow(), RelayChangeCoalescing.Coalesce(batch), cancellationToken);
        }
        catch
        {
            lock (_gate) _pending.InsertRange(0, batch);
            throw;
        }
    }

    /// <summary>Republishes here the changes of the other instances' batches not seen before.</summary>
    public async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var batches = await _feed.ReadAsync(now - Window, now + Window, _instance.Name, cancellationToken);
        foreach (var id in _seen.Where(s => s.Value < now - 2 * Window).Select(s => s.Key).ToList()) _seen.Remove(id);
        foreach (var batch in batches.Where(b => _seen.TryAdd(b.Id, b.At)))
            foreach (var change in batch.Changes) _events.PublishFromElsewhere(change);
    }

    public void Dispose() => _events.ChangedHere -= Collect;
}
