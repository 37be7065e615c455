namespace MailRelay.Core.Forwarding;

/// <summary>
/// The unit of delivery: one message to one user (or, when held or dropped without a user, to one
/// envelope recipient). A partial failure never re-delivers to users who already have the message.
/// </summary>
public sealed record Delivery(
    long Id,
    string MessageId,
    long MessageSequence,
    string Recipient,
    string? UserId,
    DeliveryTarget Target,
    DeliveryStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    string? LastError,
    string? ExternalId,
    bool MarkAsSpam,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
