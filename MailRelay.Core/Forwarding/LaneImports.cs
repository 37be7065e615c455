using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Forwarding;

/// <summary>
/// The Gmail imports one lane of a batch may make, taken from the user's shared allowance
/// (<see cref="IImportAllowance"/>) for the whole lane at once: one reservation per lane per batch
/// while the user is under the limit, one more when the lane's grant is used up. This is
/// the only per-user pacing: the per-instance token bucket it replaces let a minute's worth through
/// at once anyway, so it smoothed nothing the shared window does not, and it counted per instance.
/// </summary>
internal sealed partial class LaneImports
{
    private readonly IImportAllowance _allowance;
    private readonly string? _userId;
    private readonly int _limit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private int _left;
    private int _granted;

    /// <param name="first">The lane's first delivery: a lane is one user's mail to one target.</param>
    /// <param name="deliveries">How many deliveries the lane holds: what it asks for, up to <paramref name="limit"/>.</param>
    public LaneImports(IImportAllowance allowance, Delivery first, int deliveries, int limit, TimeProvider time, ILogger logger)
    {
        // Only Gmail has the per-user quota; the local mailbox and mail held for an admin import nothing from it.
        _userId = first.Target == DeliveryTarget.Gmail ? first.UserId : null;
        (_allowance, _left, _limit, _time, _logger) = (allowance, deliveries, limit, time, logger);
    }

    /// <summary>
    /// Takes one import for the lane's next delivery: null when it may be imported now (from the lane's
    /// grant, or a new reservation once that is used), else the end of the user's current window, whose
    /// allowance is spent. The caller then leaves the rest of the lane to wait in the store, not in its batch.
    /// </summary>
    public async Task<DateTimeOffset?> TakeAsync(CancellationToken cancellationToken)
    {
        if (_userId is null) return null;
        if (_granted == 0)
        {
            var grant = await _allowance.ReserveAsync(_userId, Math.Clamp(_left, 1, _limit), _limit, _time.GetUtcNow(), cancellationToken);
            _granted = grant.Granted;
            if (_granted == 0)
            {
                LogSpent(_logger, _userId, _limit, grant.WindowEnds);
                return grant.WindowEnds;
            }
        }
        _granted--;
        _left--;
        return null;
    }

    [LoggerMessage(LogLevel.Information, "Gmail imports for {UserId} wait for the next window at {WindowEnds}: the {Limit} of this minute are used")]
    private static partial void LogSpent(ILogger logger, string userId, int limit, DateTimeOffset windowEnds);
}
