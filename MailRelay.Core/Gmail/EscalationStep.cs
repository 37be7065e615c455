using MailRelay.Core.Notifications;

namespace MailRelay.Core.Gmail;

/// <summary>What one failed token refresh leads to: the connection's new state, the email to send, and whether the user's mail waits.</summary>
public sealed record EscalationStep(GmailConnectionStatus Status, int FailureCount, NoticeKind? Notice, bool QueueMail);
