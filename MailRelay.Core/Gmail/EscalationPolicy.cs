using MailRelay.Core.Notifications;

namespace MailRelay.Core.Gmail;

/// <summary>
/// The escalation of seed 003 for failed token refreshes. Transient failures: attempt 1 only logs,
/// attempt 2 sends "having trouble", attempt 3 disables the connection and sends "connection lost".
/// A permanent error (invalid_grant, revoked) sends "please reconnect" at once. Nothing is sent
/// twice: once a connection is unusable, further failures change nothing until the user reconnects.
/// </summary>
public static class EscalationPolicy
{
    public const int AttemptsBeforeDisable = 3;

    public static EscalationStep OnRefreshFailure(GmailConnection connection, bool permanent, string error)
    {
        var attempts = connection.FailureCount + 1;
        if (!connection.IsUsable) return new EscalationStep(connection.Status, attempts, null, QueueMail: true);
        if (permanent)
        {
            var status = error.Contains("revoked", StringComparison.OrdinalIgnoreCase) ? GmailConnectionStatus.Revoked : GmailConnectionStatus.Expired;
            return new EscalationStep(status, attempts, NoticeKind.PleaseReconnect, QueueMail: true);
        }
        return attempts switch
        {
            1 => new EscalationStep(GmailConnectionStatus.Failing, attempts, null, QueueMail: false),
            < AttemptsBeforeDisable => new EscalationStep(GmailConnectionStatus.Failing, attempts, NoticeKind.HavingTrouble, QueueMail: false),
            _ => new EscalationStep(GmailConnectionStatus.Disabled, attempts, NoticeKind.ConnectionLost, QueueMail: true),
        };
    }
}
