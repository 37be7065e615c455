using MailRelay.Core.Domain;

namespace MailRelay.Core.Ports;

public partial interface IRelayStore
{
    /// <summary>The audit entries that match <paramref name="filter"/>, newest first, with the matching total.</summary>
    Task<Page<AuditEntry>> ListAuditAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Everyone who appears as the actor of an entry, for the audit page's user filter.</summary>
    Task<IReadOnlyList<string>> ListAuditActorsAsync(CancellationToken cancellationToken);
}
