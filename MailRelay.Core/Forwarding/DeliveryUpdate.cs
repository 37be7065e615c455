namespace MailRelay.Core.Forwarding;

/// <summary>The result of one attempt, written by the lease holder only.</summary>
public sealed record DeliveryUpdate(
    long DeliveryId,
    DeliveryStatus Status,
    bool CountsAsAttempt,
    DateTimeOffset? NextAttemptAt,
    string? Error,
    string? ExternalId,
    DateTimeOffset At);
