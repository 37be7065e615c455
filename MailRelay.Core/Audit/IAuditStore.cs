using MailRelay.Core.Common;

namespace MailRelay.Core.Audit;

/// <summary>The audit log: appended to, never changed; read newest first.</summary>
public interface IAuditStore
{
    /// <summary>Appends to the audit log. Entries are never changed or removed.</summary>
    Task<AuditEntry> AppendAuditAsync(NewAuditEntry entry, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<Page<AuditEntry>> ListAuditAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>The audit entries that match <paramref name="filter"/>, newest first, with the matching total.</summary>
    Task<Page<AuditEntry>> ListAuditAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Everyone who appears as the actor of an entry, for the audit page's user filter.</summary>
    Task<IReadOnlyList<string>> ListAuditActorsAsync(CancellationToken cancellationToken);
}
