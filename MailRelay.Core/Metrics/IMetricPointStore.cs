namespace MailRelay.Core.Metrics;

/// <summary>
/// The per-minute metric points behind the queue charts, shared by every instance: gauges (depth,
/// age) that any instance may save for a minute, and outcome counts that every instance adds to.
/// </summary>
public interface IMetricPointStore
{
    /// <summary>
    /// Saves one-minute gauges (queue depth, oldest age). A point for the same minute, name and user
    /// replaces the earlier one, so saving a minute again (a restart, a retry, another instance) never doubles it.
    /// </summary>
    Task SaveMetricPointsAsync(IReadOnlyCollection<MetricPoint> points, CancellationToken cancellationToken);

    /// <summary>
    /// Adds <paramref name="counts"/> to the outcome totals of <paramref name="minute"/> (Delivered,
    /// Queued and Failed with no user), so the totals are the sum over every instance. Not idempotent:
    /// each instance adds only what it counted since its last add.
    /// </summary>
    Task AddOutcomesAsync(DateTimeOffset minute, OutcomeCounts counts, CancellationToken cancellationToken);

    /// <summary>The outcome totals of the minutes at or after <paramref name="from"/> and before <paramref name="to"/> that have any, oldest first.</summary>
    Task<IReadOnlyList<OutcomeMinute>> ListOutcomesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Points (gauges and outcome totals) whose minute is at or after <paramref name="from"/> and before <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<MetricPoint>> ListMetricPointsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Deletes points whose minute is before <paramref name="before"/> (retention); returns how many.</summary>
    Task<int> PruneMetricPointsAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
