using MailRelay.Core.Forwarding;
using MailRelay.Core.Gmail;
using MailRelay.Core.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Metrics;

/// <summary>
/// Takes one sample of the queues (one store query, whoever is watching), adds the outcomes this
/// instance counted since the last one to the minute's shared totals and reads back the totals of
/// every instance for the charts, and when a minute ends saves its gauges, publishes it (EMF, with
/// this instance's outcomes: CloudWatch sums the instances) and prunes what is older than the retention.
/// </summary>
public sealed partial class QueueMetricsSampler(
    IMetricPointStore metricPointStore, IDeliveryStore deliveryStore, IGmailConnectionStore connectionStore,
    QueueMetrics metrics,
    MetricCounters counters,
    IMetricsPublisher publisher,
    IOptions<MetricsOptions> options,
    TimeProvider time,
    ILogger<QueueMetricsSampler> logger)
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private DateTimeOffset? _lastPrune;

    /// <summary>Fills the 24-hour window from the store, so a restart does not empty the charts.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var points = await metricPointStore.ListMetricPointsAsync(now - QueueMetrics.DaySpan, QueueMetrics.MinuteOf(now), cancellationToken);
        metrics.Load(ClosedMinute.FromPoints(points));
    }

    /// <summary>Takes one sample; returns the minute it closed (saved and published), if any.</summary>
    public async Task<ClosedMinute?> SampleOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var summaries = await deliveryStore.SummarizeQueuesAsync(cancellationToken);
        var outcomes = await AddOutcomesAsync(QueueMetrics.MinuteOf(now), cancellationToken);
        var closed = metrics.Record(ToSample(now, summaries), outcomes);
        // The minute before too: another instance may add to it just after it closed here.
        metrics.ShowSharedOutcomes(await metricPointStore.ListOutcomesAsync(QueueMetrics.MinuteOf(now).AddMinutes(-1), QueueMetrics.MinuteOf(now).AddMinutes(1), cancellationToken));
        if (closed is not null) await CloseMinuteAsync(closed, now, cancellationToken);
        return closed;
    }

    /// <summary>Adds this instance's outcomes to the shared totals; if the store fails they are counted again for the next sample.</summary>
    private async Task<OutcomeCounts> AddOutcomesAsync(DateTimeOffset minute, CancellationToken cancellationToken)
    {
        var outcomes = counters.TakeDeliveryOutcomes();
        if (outcomes == default) return outcomes;
        try
        {
            await metricPointStore.AddOutcomesAsync(minute, outcomes, cancellationToken);
            return outcomes;
        }
        catch
        {
            counters.DeliveryOutcome(DeliveryStatus.Delivered, outcomes.Delivered);
            counters.DeliveryOutcome(DeliveryStatus.Queued, outcomes.Queued);
            counters.DeliveryOutcome(DeliveryStatus.Failed, outcomes.Failed);
            throw;
        }
    }

    /// <summary>
    /// Depth counts what is still to be delivered (Pending, Queued, Retrying, Held). The age is the
    /// Queues table's "oldest waiting" and only counts while something is waiting.
    /// </summary>
    public static DepthSample ToSample(DateTimeOffset now, IEnumerable<UserQueueSummary> summaries)
    {
        var users = summaries
            .Select(s => (Summary: s, Depth: s.Pending + s.Queued + s.Retrying + s.Held))
            .Select(u => new UserDepth(u.Summary.UserId, u.Depth,
                u.Depth > 0 && u.Summary.OldestWaitingSince is { } since ? Math.Max(0, Math.Round((now - since).TotalSeconds)) : 0))
            .OrderBy(u => u.UserId, StringComparer.Ordinal)
            .ToList();
        return new DepthSample(now, users.Sum(u => u.Depth), users.Count == 0 ? 0 : users.Max(u => u.OldestAgeSeconds), users);
    }

    private async Task CloseMinuteAsync(ClosedMinute closed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Gauges only: the outcome totals are the shared sums added above. Every instance saves the
        // same gauges (read from the shared store), so the last put of a minute is as good as the first.
        await metricPointStore.SaveMetricPointsAsync(closed.ToGaugePoints(), cancellationToken);
        var points = closed.ToPoints();
        var tokens = await connectionStore.ListConnectionsExpiringBeforeAsync(now.AddYears(10), cancellationToken);
        var daysLeft = tokens
            .Where(t => t.Connection.ExpiresAt is not null)
            .ToDictionary(t => t.Connection.UserId, t => Math.Round((t.Connection.ExpiresAt!.Value - now).TotalDays, 2), StringComparer.Ordinal);
        await publisher.PublishAsync(new MetricsMinute(closed.Minute, points, daysLeft, counters.TakeProvisioningOutcomes()), cancellationToken);
        if (_lastPrune is { } last && now - last < PruneEvery) return;
        var pruned = await metricPointStore.PruneMetricPointsAsync(now.AddDays(-options.Value.RetentionDays), cancellationToken);
        _lastPrune = now;
        if (pruned > 0) LogPruned(logger, pruned, options.Value.RetentionDays);
    }

    [LoggerMessage(LogLevel.Debug, "Pruned {Count} queue metric points older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int count, int days);
}
