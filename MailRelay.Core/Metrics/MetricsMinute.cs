namespace MailRelay.Core.Metrics;

/// <summary>
/// Everything published for one ended minute: the totals and per-user figures (as store points),
/// each user's Gmail token days left, and SMTP provisioning results by outcome.
/// </summary>
public sealed record MetricsMinute(
    DateTimeOffset Minute,
    IReadOnlyList<MetricPoint> Points,
    IReadOnlyDictionary<string, double> TokenDaysLeft,
    IReadOnlyDictionary<string, int> ProvisioningOutcomes);
