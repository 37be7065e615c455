using MailRelay.Core.Common;

namespace MailRelay.Web.Live;

/// <summary>
/// Turns <see cref="RelayEvents"/> into refreshes of one page, at most one per <c>interval</c>:
/// a burst of changes (a batch of deliveries) costs one re-query, and a change that arrives
/// while a refresh runs schedules one more, so the last state is never missed.
/// </summary>
public sealed class LiveRefresh : IDisposable
{
    /// <summary>At most two refreshes a second per page.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    private readonly RelayEvents _events;
    private readonly TimeProvider _time;
    private readonly Func<RelayChange, bool> _relevant;
    private readonly Func<CancellationToken, Task> _refresh;
    private readonly TimeSpan _interval;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private bool _scheduled;
    private long? _lastRun;

    public LiveRefresh(RelayEvents events, TimeProvider time, Func<RelayChange, bool> relevant, Func<CancellationToken, Task> refresh, TimeSpan? interval = null)
    {
        _events = events;
        _time = time;
        _relevant = relevant;
        _refresh = refresh;
        _interval = interval ?? DefaultInterval;
        _events.Changed += OnChanged;
    }

    private void OnChanged(RelayChange change)
    {
        if (_stop.IsCancellationRequested || !_relevant(change)) return;
        lock (_gate)
        {
            if (_scheduled) return;
            _scheduled = true;
        }
        // Published from background jobs: never run the page's work on the publisher's thread.
        _ = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        try
        {
            TimeSpan wait;
            lock (_gate) wait = _lastRun is { } last ? _interval - _time.GetElapsedTime(last) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, _stop.Token);
            lock (_gate)
            {
                _scheduled = false;
                _lastRun = _time.GetTimestamp();
            }
            await _refresh(_stop.Token);
        }
        catch (Exception e) when (_stop.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException)
        {
            // The page went away meanwhile.
        }
    }

    public void Dispose()
    {
        _events.Changed -= OnChanged;
        _stop.Cancel();
        _stop.Dispose();
    }
}
