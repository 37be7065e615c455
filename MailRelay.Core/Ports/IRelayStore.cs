using MailRelay.Core.Domain;

namespace MailRelay.Core.Ports;

/// <summary>
/// Everything MailRelay remembers: users, their roles and the audit log (later: Gmail
/// connections, routes, messages, deliveries, SMTP users). Local: SQLite; AWS: DynamoDB.
/// </summary>
public partial interface IRelayStore
{
    /// <summary>Brings the schema up to date. Called once at start; safe to call again.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Answers whether the store can be reached right now (for <c>/readyz</c>).</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);

    /// <summary>Creates the user or updates email, name and roles; keeps <see cref="AppUser.CreatedAt"/>.</summary>
    Task<AppUser> UpsertUserAsync(string id, string email, string displayName, IReadOnlyList<string> roles, DateTimeOffset signedInAt, CancellationToken cancellationToken);

    /// <summary>Creates the user when missing and leaves an existing one untouched (seeding).</summary>
    Task EnsureUserAsync(string id, string email, string displayName, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken cancellationToken);

    Task<AppUser?> FindUserAsync(string id, CancellationToken cancellationToken);

    Task<Page<AppUser>> ListUsersAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>Appends to the audit log. Entries are never changed or removed.</summary>
    Task<AuditEntry> AppendAuditAsync(NewAuditEntry entry, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<Page<AuditEntry>> ListAuditAsync(int skip, int take, CancellationToken cancellationToken);
}
