namespace MailRelay.Core.Queues;

/// <summary>Per-user counts for the Queues page; <see cref="OldestWaitingSince"/> is the oldest undelivered delivery.</summary>
public sealed record UserQueueSummary(string UserId, int Pending, int Queued, int Retrying, int Held, int Failed, int Delivered, DateTimeOffset? OldestWaitingSince);
