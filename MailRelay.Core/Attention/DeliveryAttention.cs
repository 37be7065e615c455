namespace MailRelay.Core.Attention;

/// <summary>
/// Deliveries not done yet across all users: <see cref="Waiting"/> counts Pending, Queued, Retrying
/// and Held (of which <see cref="Held"/> wait for an admin), and <see cref="OldestWaitingSince"/> is the oldest of them.
/// </summary>
public sealed record DeliveryAttention(int Waiting, int Held, int Failed, DateTimeOffset? OldestWaitingSince);
