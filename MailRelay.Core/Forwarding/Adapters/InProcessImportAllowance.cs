namespace MailRelay.Core.Forwarding.Adapters;

/// <summary>
/// The allowance of the SQLite store, which serves exactly one process: that process's memory is the
/// whole cluster, so the count lives there (one window per user) and costs no store write.
/// </summary>
public sealed class InProcessImportAllowance : IImportAllowance
{
    private readonly Dictionary<string, (DateTimeOffset Start, int Used)> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<ImportGrant> ReserveAsync(string userId, int wanted, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = ImportWindow.StartOf(now);
        var grant = new ImportGrant(0, start + ImportWindow.Length);
        lock (_gate)
        {
            var window = _windows.GetValueOrDefault(userId);
            // Only the user's latest window is kept: a caller still in an older one (its clock read
            // just before the minute turned) is told to wait, which it does not, as that window is over.
            if (start < window.Start) return Task.FromResult(grant);
            if (start > window.Start) window = (start, 0);
            var granted = Math.Clamp(Math.Min(wanted, limit - window.Used), 0, int.MaxValue);
            _windows[userId] = (start, window.Used + granted);
            return Task.FromResult(grant with { Granted = granted });
        }
    }
}
