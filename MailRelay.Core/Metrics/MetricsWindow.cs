namespace MailRelay.Core.Metrics;

/// <summary>What the charts show: the last hour at sample resolution, or the last day by the minute.</summary>
public enum MetricsWindow
{
    LastHour,
    Last24Hours,
}
