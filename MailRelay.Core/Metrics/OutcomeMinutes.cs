namespace MailRelay.Core.Metrics;

/// <summary>Outcome totals read back from metric points.</summary>
public static class OutcomeMinutes
{
    private static readonly string[] Names = [MetricNames.Delivered, MetricNames.Queued, MetricNames.Failed];

    /// <summary>The minutes among <paramref name="points"/> that have outcome totals (points with no user), oldest first.</summary>
    public static IReadOnlyList<OutcomeMinute> FromPoints(IEnumerable<MetricPoint> points) =>
        points.Where(p => p.UserId is null && Names.Contains(p.Name)).GroupBy(p => p.Minute).OrderBy(g => g.Key)
            .Select(g => new OutcomeMinute(g.Key, new OutcomeCounts(Count(g, MetricNames.Delivered), Count(g, MetricNames.Queued), Count(g, MetricNames.Failed))))
            .ToList();

    private static int Count(IEnumerable<MetricPoint> minute, string name) => (int)(minute.FirstOrDefault(p => p.Name == name)?.Value ?? 0);
}
