using MailRelay.Core.Domain;

namespace MailRelay.Core.Ports;

public partial interface IRelayStore
{
    /// <summary>Usable connections (Connected or Failing) whose refresh token expires before the given time.</summary>
    Task<IReadOnlyList<ExpiringConnection>> ListConnectionsExpiringBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Claims the "expires tomorrow" email for the token issued at <paramref name="issuedAt"/>; false when it was already claimed (by any instance).</summary>
    Task<bool> ClaimExpiryAlertAsync(string userId, DateTimeOffset issuedAt, CancellationToken cancellationToken);
}
