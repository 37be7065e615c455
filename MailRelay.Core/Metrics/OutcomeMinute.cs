namespace MailRelay.Core.Metrics;

/// <summary>Delivery outcomes of the minute that starts at <see cref="Minute"/>.</summary>
public sealed record OutcomeMinute(DateTimeOffset Minute, OutcomeCounts Counts);
