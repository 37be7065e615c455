using MailRelay.Core.Notifications;
using MailRelay.Core.Users;

namespace MailRelay.Core.Gmail;

/// <summary>
/// Emails about a user's Gmail connection. They go to the Gmail address itself, not to the
/// user's domain address: mail to the domain is exactly what waits while the connection is broken.
/// </summary>
public sealed class ConnectionNotices(IUserStore userStore, UserNotices notices)
{
    public async Task SendAsync(GmailConnection connection, NoticeKind kind, string? reason, CancellationToken cancellationToken)
    {
        var user = await userStore.FindUserAsync(connection.UserId, cancellationToken);
        await notices.SendAsync(new Notice(kind, connection.GmailAddress, user?.DisplayName ?? connection.UserId, connection.GmailAddress,
            reason, connection.ExpiresAt, connection.FailureCount, notices.ReconnectUrl), cancellationToken);
    }
}
