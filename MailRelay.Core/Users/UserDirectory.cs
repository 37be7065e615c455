using MailRelay.Core.Common;

namespace MailRelay.Core.Users;

/// <summary>The users who signed in (or were seeded), for the pages and endpoints that name or list them.</summary>
public sealed class UserDirectory(IUserStore userStore, TimeProvider time)
{
    public Task<AppUser?> FindAsync(string userId, CancellationToken cancellationToken) => userStore.FindUserAsync(userId, cancellationToken);

    public Task<Page<AppUser>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        userStore.ListUsersAsync(page.Clamped(), cancellationToken);

    /// <summary>Creates the user when missing and leaves an existing one untouched (seeding).</summary>
    public Task EnsureAsync(string id, string email, string displayName, IReadOnlyList<string> roles, CancellationToken cancellationToken) =>
        userStore.EnsureUserAsync(id, email, displayName, roles, time.GetUtcNow(), cancellationToken);
}
