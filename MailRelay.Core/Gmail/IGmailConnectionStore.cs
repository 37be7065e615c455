namespace MailRelay.Core.Gmail;

/// <summary>Users' Gmail connections (refresh tokens, encrypted), renewals, consent requests in flight, and expiry alerts.</summary>
public interface IGmailConnectionStore
{
    Task<GmailConnection?> FindGmailConnectionAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the user's connection (a renewal replaces the token).</summary>
    Task SaveGmailConnectionAsync(GmailConnection connection, CancellationToken cancellationToken);

    /// <summary>Records a failed or successful use of the connection without touching the token.</summary>
    Task UpdateGmailConnectionStatusAsync(string userId, GmailConnectionStatus status, int failureCount, string? lastError, DateTimeOffset? lastErrorAt, CancellationToken cancellationToken);

    /// <summary>Removes the user's connection and with it the stored token; false when there was none. Deliveries are untouched.</summary>
    Task<bool> DeleteGmailConnectionAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Appends to the user's renewal history; returns the row with its id.</summary>
    Task<GmailRenewal> AddGmailRenewalAsync(GmailRenewal renewal, CancellationToken cancellationToken);

    /// <summary>The user's renewal history, newest first.</summary>
    Task<IReadOnlyList<GmailRenewal>> ListGmailRenewalsAsync(string userId, int max, CancellationToken cancellationToken);

    /// <summary>Stores a started consent flow, and forgets every one that expired before <paramref name="now"/>.</summary>
    Task SaveGmailConsentRequestAsync(GmailConsentRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Removes and returns the consent flow with this state hash, whoever started it and whether or
    /// not it expired, so a state works at most once. Null when unknown or already taken.
    /// </summary>
    Task<GmailConsentRequest?> TakeGmailConsentRequestAsync(string stateHash, CancellationToken cancellationToken);

    /// <summary>Usable connections (Connected or Failing) whose refresh token expires before the given time.</summary>
    Task<IReadOnlyList<ExpiringConnection>> ListConnectionsExpiringBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Claims the "expires tomorrow" email for the token issued at <paramref name="issuedAt"/>; false when it was already claimed (by any instance).</summary>
    Task<bool> ClaimExpiryAlertAsync(string userId, DateTimeOffset issuedAt, CancellationToken cancellationToken);
}
