namespace MailRelay.Core.Forwarding;

/// <summary>
/// The windows the per-user import limit counts in: whole UTC minutes, as Gmail states its per-user
/// quota. A fixed window lets a full allowance at the end of one minute and another at the start of
/// the next through together, as the token bucket it replaces did (a minute's burst, then its refill);
/// Gmail answers a rare excess with 429 and Retry-After, which the retries honour.
/// </summary>
public static class ImportWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    /// <summary>The start of the window that holds <paramref name="at"/>.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - ticks % Length.Ticks, TimeSpan.Zero);
    }
}
