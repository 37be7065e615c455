namespace MailRelay.Core.Metrics;

/// <summary>A minute that has ended: its last depth sample (stamped at the minute's start) and its outcomes.</summary>
public sealed record ClosedMinute(DepthSample Depth, OutcomeMinute Outcomes)
{
    public DateTimeOffset Minute => Outcomes.Minute;

    /// <summary>All of this minute's points: <see cref="ToGaugePoints"/> and the outcome totals (null user).</summary>
    public IReadOnlyList<MetricPoint> ToPoints() =>
    [
        .. ToGaugePoints(),
        new(Minute, MetricNames.Delivered, null, Outcomes.Counts.Delivered),
        new(Minute, MetricNames.Queued, null, Outcomes.Counts.Queued),
        new(Minute, MetricNames.Failed, null, Outcomes.Counts.Failed),
    ];

    /// <summary>The gauges of this minute: total (null user) and each user's depth and oldest age.</summary>
    public IReadOnlyList<MetricPoint> ToGaugePoints()
    {
        var points = new List<MetricPoint>
        {
            new(Minute, MetricNames.QueueDepth, null, Depth.Total),
            new(Minute, MetricNames.OldestAgeSeconds, null, Depth.OldestAgeSeconds),
        };
        foreach (var user in Depth.Users)
        {
            points.Add(new(Minute, MetricNames.QueueDepth, user.UserId, user.Depth));
            points.Add(new(Minute, MetricNames.OldestAgeSeconds, user.UserId, user.OldestAgeSeconds));
        }
        return points;
    }

    /// <summary>Rebuilds the minutes the store kept (the inverse of <see cref="ToPoints"/>), oldest first.</summary>
    public static IReadOnlyList<ClosedMinute> FromPoints(IEnumerable<MetricPoint> points) =>
        points.GroupBy(p => p.Minute).OrderBy(g => g.Key).Select(FromMinute).ToList();

    private static ClosedMinute FromMinute(IGrouping<DateTimeOffset, MetricPoint> minute)
    {
        double Total(string name) => minute.FirstOrDefault(p => p.UserId is null && p.Name == name)?.Value ?? 0;
        var users = minute.Where(p => p.UserId is not null).GroupBy(p => p.UserId!)
            .Select(u => new UserDepth(u.Key,
                (int)(u.FirstOrDefault(p => p.Name == MetricNames.QueueDepth)?.Value ?? 0),
                u.FirstOrDefault(p => p.Name == MetricNames.OldestAgeSeconds)?.Value ?? 0))
            .OrderBy(u => u.UserId, StringComparer.Ordinal).ToList();
        var depth = new DepthSample(minute.Key, (int)Total(MetricNames.QueueDepth), Total(MetricNames.OldestAgeSeconds), users);
        var counts = new OutcomeCounts((int)Total(MetricNames.Delivered), (int)Total(MetricNames.Queued), (int)Total(MetricNames.Failed));
        return new ClosedMinute(depth, new OutcomeMinute(minute.Key, counts));
    }
}
