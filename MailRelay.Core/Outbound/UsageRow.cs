namespace MailRelay.Core.Outbound;

/// <summary>
/// Inbound usage of one user on one day (UTC): deliveries of the mail received that day, by their
/// current status. <see cref="UserId"/> is empty for mail that no route gave to a user.
/// </summary>
public sealed record UsageRow(DateOnly Day, string UserId, int Received, int Delivered, int Queued, int Failed);
