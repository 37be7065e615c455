using System.Diagnostics;
using MailRelay.Core.Domain;
using MailRelay.Core.Ports;

namespace MailRelay.Core.Services;

/// <summary>Records who did what, stamped with the time and the current trace id.</summary>
public sealed class AuditLog(IRelayStore store, TimeProvider time)
{
    public Task<AuditEntry> RecordAsync(string actorId, string action, string target, string? detail, CancellationToken cancellationToken) =>
        store.AppendAuditAsync(
            new NewAuditEntry(actorId, action, target, detail, Activity.Current?.TraceId.ToString()),
            time.GetUtcNow(),
            cancellationToken);

    public Task<Page<AuditEntry>> ListAsync(int skip, int take, CancellationToken cancellationToken) =>
        store.ListAuditAsync(skip, Math.Clamp(take, 1, 500), cancellationToken);
}
