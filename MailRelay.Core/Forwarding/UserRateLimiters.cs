using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Forwarding;

/// <summary>
/// One token bucket per user, sized to Gmail's per-user quota (a minute's worth of imports, refilled
/// every second), so a burst for one user waits here instead of causing a storm of 429s.
/// </summary>
public sealed class UserRateLimiters(IOptions<ForwardingOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _limiters = new(StringComparer.Ordinal);

    public async ValueTask WaitAsync(string userId, CancellationToken cancellationToken)
    {
        var limiter = _limiters.GetOrAdd(userId, _ => Create(options.Value.ImportsPerMinutePerUser));
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
    }

    private static TokenBucketRateLimiter Create(int perMinute) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }
}
