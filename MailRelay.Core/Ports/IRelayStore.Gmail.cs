using MailRelay.Core.Domain;

namespace MailRelay.Core.Ports;

public partial interface IRelayStore
{
    Task<GmailConnection?> FindGmailConnectionAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the user's connection (a renewal replaces the token).</summary>
    Task SaveGmailConnectionAsync(GmailConnection connection, CancellationToken cancellationToken);

    /// <summary>Records a failed or successful use of the connection without touching the token.</summary>
    Task UpdateGmailConnectionStatusAsync(string userId, GmailConnectionStatus status, int failureCount, string? lastError, DateTimeOffset? lastErrorAt, CancellationToken cancellationToken);
}
