using MailRelay.Core.Gmail;

namespace MailRelay.Web.Components.Shared;

/// <summary>Gmail connection states and consent outcomes in plain words: what happened and what to do.</summary>
public static class GmailWords
{
    private static readonly Dictionary<GmailConnectOutcome, string> Codes = new()
    {
        [GmailConnectOutcome.Connected] = "connected",
        [GmailConnectOutcome.Renewed] = "renewed",
        [GmailConnectOutcome.AccessDenied] = "access-denied",
        [GmailConnectOutcome.NoRefreshToken] = "no-refresh-token",
        [GmailConnectOutcome.ScopeMissing] = "scope-missing",
        [GmailConnectOutcome.DifferentAccount] = "different-account",
        [GmailConnectOutcome.StateExpired] = "state-expired",
        [GmailConnectOutcome.StateForeign] = "state-foreign",
        [GmailConnectOutcome.GoogleFailed] = "google-failed",
        [GmailConnectOutcome.NotConfigured] = "not-configured",
    };

    /// <summary>The outcome's value in the <c>gmail</c> query parameter of My Gmail.</summary>
    public static string Code(GmailConnectOutcome outcome) => Codes[outcome];

    public static GmailConnectOutcome? Parse(string? code) =>
        Codes.FirstOrDefault(c => string.Equals(c.Value, code, StringComparison.Ordinal)) is { Value: not null } found ? found.Key : null;

    public static bool IsSuccess(GmailConnectOutcome outcome) => outcome is GmailConnectOutcome.Connected or GmailConnectOutcome.Renewed;

    /// <summary>The sentence My Gmail shows after the callback. <paramref name="connectedAddress"/> is the account kept, when known.</summary>
    public static string Sentence(GmailConnectOutcome outcome, string? connectedAddress) => outcome switch
    {
        GmailConnectOutcome.Connected =>
            "Gmail is connected. Mail for you now goes into your Gmail, and anything that waited for it is being delivered now.",
        GmailConnectOutcome.Renewed =>
            "Your Gmail connection is renewed. Anything that waited for it is being delivered now.",
        GmailConnectOutcome.AccessDenied =>
            "You declined access at Google, so nothing was changed. To get your mail in Gmail, choose Connect Gmail again and allow access.",
        GmailConnectOutcome.NoRefreshToken =>
            "Google did not grant lasting (offline) access, so nothing was changed. Choose Connect Gmail again; if this keeps happening, " +
            "remove MailRelay under \"Third-party apps & services\" in your Google Account first.",
        GmailConnectOutcome.ScopeMissing =>
            "You did not allow MailRelay to add messages to your Gmail, so nothing was changed. Choose Connect Gmail again and " +
            "leave the permission to add mail to your Gmail ticked.",
        GmailConnectOutcome.DifferentAccount =>
            $"You chose a different Google account than the one connected{(connectedAddress is null ? "" : $" ({connectedAddress})")}, " +
            "so it was refused and your connection was kept. Renew and pick the connected account, or disconnect first to switch accounts.",
        GmailConnectOutcome.StateExpired =>
            "That Gmail sign-in had expired or was already used, so nothing was changed. Choose Connect Gmail again and finish at Google within 10 minutes.",
        GmailConnectOutcome.StateForeign =>
            "That Gmail sign-in was started by another MailRelay user, so it was refused and nothing was changed. Choose Connect Gmail to connect your own.",
        GmailConnectOutcome.GoogleFailed =>
            "Google could not complete the connection, so nothing was changed. Please try again in a few minutes.",
        GmailConnectOutcome.NotConfigured =>
            "Gmail delivery is not set up on this MailRelay, so there is nothing to connect. Your mail goes to your local mailbox (see My queue).",
        _ => outcome.ToString(),
    };

    /// <summary>The state's name on the status card.</summary>
    public static string StateName(GmailState state, int failureCount) => state switch
    {
        GmailState.NotConnected => "Not connected",
        GmailState.Connected => "Connected",
        GmailState.ExpiringSoon => "Expiring soon",
        GmailState.Expired => "Expired",
        GmailState.Revoked => "Revoked",
        GmailState.Failing => $"Failing (attempt {failureCount})",
        GmailState.Disabled => "Disabled",
        _ => state.ToString(),
    };

    /// <summary>What the state means for the user's mail.</summary>
    public static string StateMeaning(GmailState state) => state switch
    {
        GmailState.NotConnected => "MailRelay has no access to your Gmail. Mail for you waits until you connect.",
        GmailState.Connected => "Mail for you goes straight into your Gmail.",
        GmailState.ExpiringSoon => "Mail still arrives, but the connection stops within a day. Renew it now to avoid a gap.",
        GmailState.Expired => "Google no longer accepts the connection. Mail for you waits until you reconnect.",
        GmailState.Revoked => "Access was removed at Google. Mail for you waits until you reconnect.",
        GmailState.Failing => "Google is not answering as it should; MailRelay retries automatically. No mail is lost.",
        GmailState.Disabled => "MailRelay stopped using the connection after repeated failures. Mail for you waits until you reconnect.",
        _ => "",
    };

    /// <summary>Why the connection was lost, for the red banner.</summary>
    public static string LostReason(GmailStatusView status) => status.LastError ?? status.State switch
    {
        GmailState.Expired when status.ExpiresAt is { } expired => $"It expired on {TimeText.Utc(expired)}.",
        GmailState.Expired => "It expired.",
        GmailState.Revoked => "Access was removed at Google.",
        _ => "It failed too many times in a row.",
    };
}
