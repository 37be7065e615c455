namespace MailRelay.Core.Metrics;

/// <summary>The per-minute metric points behind the queue charts, shared by every instance.</summary>
public interface IMetricPointStore
{
    /// <summary>
    /// Saves one-minute queue metrics. A point for the same minute, name and user replaces the
    /// earlier one, so saving a minute again (a restart, a retry) never doubles it.
    /// </summary>
    Task SaveMetricPointsAsync(IReadOnlyCollection<MetricPoint> points, CancellationToken cancellationToken);

    /// <summary>Points whose minute is at or after <paramref name="from"/> and before <paramref name="to"/>, oldest first.</summary>
    Task<IReadOnlyList<MetricPoint>> ListMetricPointsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Deletes points whose minute is before <paramref name="before"/> (retention); returns how many.</summary>
    Task<int> PruneMetricPointsAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
