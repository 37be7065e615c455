namespace MailRelay.Core.Metrics;

/// <summary>One user's undelivered deliveries at a sample; an empty id is mail held without a user.</summary>
public sealed record UserDepth(string UserId, int Depth, double OldestAgeSeconds);
