namespace MailRelay.Web.Components.Shared;

/// <summary>
/// Labels for a time axis: about five of them, on round times (every 10 minutes over an hour, every
/// 3 hours over a day), with seconds only when the whole span is a couple of minutes.
/// </summary>
public static class TimeAxis
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    private const int MaxLabels = 8;

    /// <summary>The spacing between labels for data spanning <paramref name="span"/>.</summary>
    public static TimeSpan Spacing(TimeSpan span) => Steps.FirstOrDefault(step => span / step <= MaxLabels, Steps[^1]);

    /// <summary>"HH:mm", or "HH:mm:ss" when labels are less than a minute apart.</summary>
    public static string Format(TimeSpan spacing) => spacing < TimeSpan.FromMinutes(1) ? "HH:mm:ss" : "HH:mm";
}
