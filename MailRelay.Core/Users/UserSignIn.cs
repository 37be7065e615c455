using MailRelay.Core.Audit;

namespace MailRelay.Core.Users;

/// <summary>
/// Creates or refreshes the user record at every sign-in, whichever sign-in provider vouched
/// for the person, and audits it.
/// </summary>
public sealed class UserSignIn(IUserStore userStore, AuditLog audit, TimeProvider time)
{
    public async Task<AppUser> RecordAsync(string subject, string email, string displayName, IReadOnlyList<string> roles, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var user = await userStore.UpsertUserAsync(subject, email, string.IsNullOrWhiteSpace(displayName) ? email : displayName,
            roles, time.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(subject, AuditActions.SignIn, subject, user.IsAdmin ? "roles: admin" : null, cancellationToken);
        return user;
    }
}
