using MailRelay.Core.Forwarding;

namespace MailRelay.Core.Gmail;

/// <summary>Reads one user's <see cref="GmailStatusView"/>: their connection, their mail's progress and their renewal history.</summary>
public sealed class GmailStatusReader(IGmailConnectionStore connectionStore, IDeliveryStore deliveryStore, TimeProvider time)
{
    /// <summary>A token expiring within this window makes the state <see cref="GmailState.ExpiringSoon"/>.</summary>
    public static readonly TimeSpan ExpiringSoonWindow = TimeSpan.FromHours(24);

    /// <summary>How many renewals the history shows.</summary>
    public const int HistoryLength = 20;

    public async Task<GmailStatusView> ReadAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var connection = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
        var queue = await deliveryStore.SummarizeUserQueueAsync(userId, null, cancellationToken);
        var renewals = await connectionStore.ListGmailRenewalsAsync(userId, HistoryLength, cancellationToken);
        var progress = renewals.Count > 0 && renewals[0].WaitingAtRenewal > 0 ? await ProgressAsync(renewals[0], cancellationToken) : null;
        return new GmailStatusView(
            StateOf(connection, now),
            connection?.GmailAddress,
            connection?.Scopes,
            connection?.IssuedAt,
            connection?.ExpiresAt,
            connection?.LastError,
            connection?.LastErrorAt,
            connection?.FailureCount ?? 0,
            queue.Queued,
            queue.Pending + queue.Retrying,
            queue.Failed,
            queue.OldestWaitingSince,
            queue.OldestWaitingSince is { } since ? now - since : null,
            renewals,
            progress,
            now);
    }

    /// <summary>Stored status first (it says why), then the clock: an expiry that passed unnoticed still counts as expired.</summary>
    public static GmailState StateOf(GmailConnection? connection, DateTimeOffset now) => connection switch
    {
        null => GmailState.NotConnected,
        { Status: GmailConnectionStatus.Disabled } => GmailState.Disabled,
        { Status: GmailConnectionStatus.Revoked } => GmailState.Revoked,
        { Status: GmailConnectionStatus.Expired } => GmailState.Expired,
        { ExpiresAt: { } expires } when expires <= now => GmailState.Expired,
        { Status: GmailConnectionStatus.Failing } => GmailState.Failing,
        { ExpiresAt: { } expires } when expires - now < ExpiringSoonWindow => GmailState.ExpiringSoon,
        _ => GmailState.Connected,
    };

    /// <summary>What of the mail that waited at the renewal still waits (Pending, Queued or Retrying, created up to then).</summary>
    private async Task<RenewalProgress> ProgressAsync(GmailRenewal renewal, CancellationToken cancellationToken)
    {
        var then = await deliveryStore.SummarizeUserQueueAsync(renewal.UserId, renewal.At, cancellationToken);
        return new RenewalProgress(renewal.At, renewal.WaitingAtRenewal, then.Pending + then.Queued + then.Retrying);
    }
}
