using MailRelay.Core.Metrics;
using MailRelay.Web.Components.Admin;

namespace MailRelay.Web.Components.Shared;

/// <summary>A titled line of a chart.</summary>
public sealed record ChartSeries(string Title, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>More lines than this make a chart unreadable; the busiest users are shown, the total covers everyone.</summary>
    public const int MaxUsers = 5;

    /// <summary>The total, then the users with the deepest queue now (or most recently).</summary>
    public static IReadOnlyList<ChartSeries> Depth(QueueMetricsView view, IReadOnlyList<UserOption> users) =>
        PerUser(view, users, "All users", s => s.Total, u => u.Depth);

    /// <summary>Oldest waiting age in minutes, total and per user like <see cref="Depth"/>.</summary>
    public static IReadOnlyList<ChartSeries> OldestAge(QueueMetricsView view, IReadOnlyList<UserOption> users) =>
        PerUser(view, users, "Oldest of all", s => Minutes(s.OldestAgeSeconds), u => Minutes(u.OldestAgeSeconds));

    public static IReadOnlyList<ChartSeries> Outcomes(QueueMetricsView view) =>
    [
        new("Delivered", view.Outcomes.Select(o => new ChartPoint(o.Minute.UtcDateTime, o.Counts.Delivered)).ToList()),
        new("Queued", view.Outcomes.Select(o => new ChartPoint(o.Minute.UtcDateTime, o.Counts.Queued)).ToList()),
        new("Failed", view.Outcomes.Select(o => new ChartPoint(o.Minute.UtcDateTime, o.Counts.Failed)).ToList()),
    ];

    /// <summary>What a line of held mail without a route is called (its queue has no user).</summary>
    public const string HeldWithoutRoute = "Held (no route)";

    public static string UserName(IReadOnlyList<UserOption> users, string userId) =>
        userId.Length == 0 ? HeldWithoutRoute : UserOption.NameOf(users, userId);

    private static IReadOnlyList<ChartSeries> PerUser(QueueMetricsView view, IReadOnlyList<UserOption> users, string totalTitle,
        Func<DepthSample, double> total, Func<UserDepth, double> perUser)
    {
        var series = new List<ChartSeries> { new(totalTitle, view.Depth.Select(s => new ChartPoint(s.At.UtcDateTime, total(s))).ToList()) };
        var busiest = view.Depth.AsEnumerable().Reverse()
            .SelectMany((s, age) => s.Users.Where(u => u.Depth > 0).Select(u => (u.UserId, age, u.Depth)))
            .GroupBy(u => u.UserId)
            .OrderBy(g => g.Min(u => u.age)).ThenByDescending(g => g.Max(u => u.Depth))
            .Take(MaxUsers).Select(g => g.Key).ToList();
        foreach (var userId in busiest)
        {
            series.Add(new(UserName(users, userId), view.Depth
                .Select(s => new ChartPoint(s.At.UtcDateTime, s.Users.FirstOrDefault(u => u.UserId == userId) is { } u ? perUser(u) : 0))
                .ToList()));
        }
        return series;
    }

    private static double Minutes(double seconds) => Math.Round(seconds / 60, 1);
}
