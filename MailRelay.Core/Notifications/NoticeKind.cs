namespace MailRelay.Core.Notifications;

/// <summary>The emails a user gets about their Gmail connection (seed 003's escalation).</summary>
public enum NoticeKind
{
    /// <summary>The refresh token expires in about 24 hours; reconnecting now avoids a pause.</summary>
    ExpiresTomorrow,

    /// <summary>The second failure in a row: MailRelay retries on its own, nothing to do yet.</summary>
    HavingTrouble,

    /// <summary>The third failure: delivery is paused until the user reconnects.</summary>
    ConnectionLost,

    /// <summary>Google refused the grant for good (expired or revoked): reconnect at once.</summary>
    PleaseReconnect,
}
