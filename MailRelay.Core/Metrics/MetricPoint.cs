namespace MailRelay.Core.Metrics;

/// <summary>
/// One figure of one minute (<see cref="Minute"/> is the minute's start, UTC): a queue depth, an
/// oldest age in seconds, or a count of delivery outcomes. <see cref="UserId"/> null is the total
/// over every user; an empty id is mail held without a user.
/// </summary>
public sealed record MetricPoint(DateTimeOffset Minute, string Name, string? UserId, double Value);
