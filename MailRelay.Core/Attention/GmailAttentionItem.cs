using MailRelay.Core.Gmail;

namespace MailRelay.Core.Attention;

/// <summary>A user whose Gmail connection is lost (Expired, Revoked, Disabled) or expires within a day.</summary>
public sealed record GmailAttentionItem(string UserId, string DisplayName, GmailState State, DateTimeOffset? ExpiresAt);
