namespace MailRelay.Core.Gmail;

/// <summary>How a consent callback ended; each has a sentence on My Gmail saying what to do.</summary>
public enum GmailConnectOutcome
{
    /// <summary>First connection stored.</summary>
    Connected,
    /// <summary>An existing connection's token was replaced.</summary>
    Renewed,
    /// <summary>The user declined at Google.</summary>
    AccessDenied,
    /// <summary>Google returned no refresh token (offline access not granted).</summary>
    NoRefreshToken,
    /// <summary>The user did not grant the Gmail scope.</summary>
    ScopeMissing,
    /// <summary>The user chose another Google account than the one connected; the old one is kept.</summary>
    DifferentAccount,
    /// <summary>The state is unknown, already used or older than its lifetime.</summary>
    StateExpired,
    /// <summary>The state was started by another MailRelay user than the caller.</summary>
    StateForeign,
    /// <summary>Google answered with an error, or its answer could not be trusted (id_token).</summary>
    GoogleFailed,
    /// <summary>Gmail delivery is not configured on this MailRelay.</summary>
    NotConfigured,
}
