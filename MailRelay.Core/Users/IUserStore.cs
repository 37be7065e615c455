using MailRelay.Core.Common;

namespace MailRelay.Core.Users;

/// <summary>The users who signed in at least once, with their roles.</summary>
public interface IUserStore
{
    /// <summary>Creates the user or updates email, name and roles; keeps <see cref="AppUser.CreatedAt"/>.</summary>
    Task<AppUser> UpsertUserAsync(string id, string email, string displayName, IReadOnlyList<string> roles, DateTimeOffset signedInAt, CancellationToken cancellationToken);

    /// <summary>Creates the user when missing and leaves an existing one untouched (seeding).</summary>
    Task EnsureUserAsync(string id, string email, string displayName, IReadOnlyList<string> roles, DateTimeOffset now, CancellationToken cancellationToken);

    Task<AppUser?> FindUserAsync(string id, CancellationToken cancellationToken);

    /// <summary>By email; with <see cref="PageRequest.After"/> the page continues after that cursor.</summary>
    Task<Page<AppUser>> ListUsersAsync(PageRequest page, CancellationToken cancellationToken);
}
