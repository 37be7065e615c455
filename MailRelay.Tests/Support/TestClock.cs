namespace MailRelay.Tests.Support;

public static class TestClock
{
    /// <summary>
    /// Where the tests' fake clocks start unless a test needs another time: Monday 2 November 2026,
    /// 09:00 UTC, the time they were written against. FakeTimeProvider's own default is midnight,
    /// 1 January 2000.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
}
