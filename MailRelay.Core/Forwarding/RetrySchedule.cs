namespace MailRelay.Core.Forwarding;

/// <summary>When to try again once the in-process retries are spent: doubling, capped, with jitter, never before Retry-After.</summary>
public static class RetrySchedule
{
    public static DateTimeOffset Next(DateTimeOffset now, int attempts, TimeSpan? retryAfter, ForwardingOptions options, Random random)
    {
        var exponent = Math.Min(Math.Max(attempts, 1), 20);
        var backoff = TimeSpan.FromTicks(Math.Min(options.MaxBackoff.Ticks, options.RetryDelay.Ticks * 8 * (1L << Math.Min(exponent, 16))));
        var jittered = TimeSpan.FromTicks((long)(backoff.Ticks * (0.8 + random.NextDouble() * 0.4)));
        var wait = retryAfter is { } after && after > jittered ? after : jittered;
        return now + wait;
    }
}
