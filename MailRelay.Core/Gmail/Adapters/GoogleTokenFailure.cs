
namespace MailRelay.Core.Gmail.Adapters;

/// <summary>Why no access token could be had, in the error classes of ARCHITECTURE.md.</summary>
public enum GoogleTokenFailure
{
    None,
    /// <summary>Google answered <c>invalid_grant</c>: the refresh token expired or was revoked. The user must reconnect.</summary>
    GrantInvalid,
    /// <summary>Timeout, network error or a 5xx/429 from the token endpoint: try again later.</summary>
    Transient,
    /// <summary>Anything else (a refused client, an undecryptable stored token): retrying will not help, and it may not be the user's doing.</summary>
    Failed,
}
