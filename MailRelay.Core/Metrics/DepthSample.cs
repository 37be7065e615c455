namespace MailRelay.Core.Metrics;

/// <summary>The queues at one moment: the total, the oldest waiting age, and every user with deliveries.</summary>
public sealed record DepthSample(DateTimeOffset At, int Total, double OldestAgeSeconds, IReadOnlyList<UserDepth> Users)
{
    public static DepthSample Empty(DateTimeOffset at) => new(at, 0, 0, []);
}
