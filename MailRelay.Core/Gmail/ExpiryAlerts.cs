using MailRelay.Core.Cluster;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Notifications;
using Microsoft.Extensions.Options;

namespace MailRelay.Core.Gmail;

/// <summary>
/// The expiry check: a user whose refresh token expires within 24 hours gets "expires tomorrow"
/// once per token; a token past its expiry marks the connection expired, queues the user's mail
/// and sends "please reconnect" (through the escalation, so it is sent once).
/// </summary>
public sealed class ExpiryAlerts(IGmailConnectionStore connectionStore, ConnectionNotices notices, GmailConnectionHealth health, TimeProvider time,
    IOptions<ForwardingOptions> options) : IClusterOnceWork
{
    /// <summary>One instance checks per interval; the emails are claimed in the store besides, so a user never gets two.</summary>
    public TimeSpan Period => options.Value.ExpiryCheckInterval;

    public static readonly TimeSpan Warning = TimeSpan.FromHours(24);

    public string AfterFailure => "it runs again at its next time";

    async Task IBackgroundWork.RunAsync(CancellationToken cancellationToken) => await RunAsync(cancellationToken);

    /// <summary>Returns how many emails were asked for.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var (connection, alertSent) in await connectionStore.ListConnectionsExpiringBeforeAsync(now + Warning, cancellationToken))
        {
            if (connection.ExpiresAt <= now)
            {
                await health.RecordRefreshFailureAsync(connection.UserId, permanent: true, "The Gmail connection expired.", cancellationToken);
                sent++;
            }
            else if (!alertSent && await connectionStore.ClaimExpiryAlertAsync(connection.UserId, connection.IssuedAt, cancellationToken))
            {
                await notices.SendAsync(connection, NoticeKind.ExpiresTomorrow, null, cancellationToken);
                sent++;
            }
        }
        return sent;
    }
}
