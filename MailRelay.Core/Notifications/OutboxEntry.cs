using MailRelay.Core.Inbound;

namespace MailRelay.Core.Notifications;

/// <summary>One <c>.eml</c> file of the pickup folder: its name, when it was written, and its headers.</summary>
public sealed record OutboxEntry(string FileName, DateTimeOffset WrittenAt, MessageSummary Summary);
