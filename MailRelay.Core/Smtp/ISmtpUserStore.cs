using MailRelay.Core.Common;

namespace MailRelay.Core.Smtp;

/// <summary>SMTP users (credentials for sending as the domain) and their provisioning state.</summary>
public interface ISmtpUserStore
{
    /// <summary>Stores a new SMTP user; false when the id or the IAM user name is taken.</summary>
    Task<bool> CreateSmtpUserAsync(SmtpUser user, CancellationToken cancellationToken);

    Task<SmtpUser?> FindSmtpUserAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Newest first (ties: the greater id first), filtered by <see cref="SmtpUserQuery"/>; with
    /// <see cref="SmtpUserQuery.After"/> the page continues after that cursor. A filtered page may leave
    /// <see cref="Page{T}.Total"/> unknown (-1).
    /// </summary>
    Task<Page<SmtpUser>> ListSmtpUsersAsync(SmtpUserQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces every field of the record (lease included) if its status is still
    /// <paramref name="expectedStatus"/>; false for a stale update (someone else changed it) or a removed record.
    /// </summary>
    Task<bool> UpdateSmtpUserAsync(SmtpUser user, SmtpUserStatus expectedStatus, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> records with work to do (Pending, Provisioning or Deleting
    /// whose next attempt is due) to <paramref name="owner"/> until <paramref name="leaseUntil"/>.
    /// Records leased to someone else are skipped until their lease expires.
    /// </summary>
    Task<IReadOnlyList<SmtpUser>> ClaimDueSmtpUsersAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>Removes the record if its status is still <paramref name="expectedStatus"/>.</summary>
    Task<bool> DeleteSmtpUserAsync(string id, SmtpUserStatus expectedStatus, CancellationToken cancellationToken);
}
