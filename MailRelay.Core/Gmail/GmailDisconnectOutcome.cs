namespace MailRelay.Core.Gmail;

/// <summary>How a disconnect ended. In every case but <see cref="NotConnected"/> the stored token is gone.</summary>
public enum GmailDisconnectOutcome
{
    NotConnected,
    /// <summary>Revoked at Google and deleted here.</summary>
    Disconnected,
    /// <summary>Deleted here, but Google could not confirm the revocation; the user can remove access in their Google Account.</summary>
    DisconnectedNotRevoked,
}
