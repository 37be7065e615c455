using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Forwarding;

/// <summary>
/// Keeps one batch's delivery leases alive while the batch runs: every third of the lease it renews
/// those the batch still holds, so a slow batch keeps its lanes and a dead instance's lanes move on
/// one lease after its last beat. A delivery whose lease was not renewed in time, or was taken over,
/// is no longer this instance's to deliver (<see cref="Holds"/>).
/// </summary>
internal sealed partial class LeaseHeartbeat : IAsyncDisposable
{
    private readonly IDeliveryStore _store;
    private readonly string _owner;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, byte> _held = new();
    private readonly ConcurrentDictionary<long, byte> _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;
    private long _validUntilTicks; // UTC ticks: read by the lanes while the heartbeat writes it

    public LeaseHeartbeat(IDeliveryStore store, string owner, IEnumerable<long> deliveryIds, DateTimeOffset leaseUntil, TimeSpan leaseDuration, TimeProvider time, ILogger logger)
    {
        (_store, _owner, _leaseDuration, _time, _logger) = (store, owner, leaseDuration, time, logger);
        _validUntilTicks = leaseUntil.UtcTicks;
        foreach (var id in deliveryIds) _held[id] = 0;
        _beating = BeatAsync(_stop.Token);
    }

    /// <summary>
    /// Whether the delivery is still this instance's: renewed (or claimed) with time left, and never
    /// refused a renewal. Asked right before each attempt, so nothing is imported on a lease that
    /// another instance may already hold.
    /// </summary>
    public bool Holds(long deliveryId) => !_lost.ContainsKey(deliveryId) && _time.GetUtcNow().UtcTicks < Interlocked.Read(ref _validUntilTicks);

    /// <summary>The batch is done with these (completed or released): they are not renewed any more.</summary>
    public void Forget(IEnumerable<long> deliveryIds)
    {
        foreach (var id in deliveryIds) _held.TryRemove(id, out _);
    }

    private async Task BeatAsync(CancellationToken stop)
    {
        // A periodic timer keeps its beat however long a renewal takes (a late tick is not lost).
        using var timer = new PeriodicTimer(_leaseDuration / 3, _time);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!await timer.WaitForNextTickAsync(stop)) return;
                var ids = _held.Keys.ToList();
                if (ids.Count == 0) continue;
                var until = _time.GetUtcNow() + _leaseDuration;
                var kept = (await _store.RenewLeasesAsync(_owner, ids, until, stop)).ToHashSet();
                foreach (var id in ids.Where(id => !kept.Contains(id) && _held.ContainsKey(id))) _lost[id] = 0;
                Interlocked.Exchange(ref _validUntilTicks, until.UtcTicks);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next beat tries again; if none succeeds in time, Holds turns false as the lease runs out.
                LogBeatFailed(_logger, e, _owner);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Renewing the delivery leases of {Owner} failed; the next heartbeat tries again")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception, string owner);
}
