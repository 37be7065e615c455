using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Metrics;
using MailRelay.Core.Notifications;
using Microsoft.Extensions.Logging;

namespace MailRelay.Core.Gmail;

/// <summary>
/// Records how a user's token refreshes go and escalates per <see cref="EscalationPolicy"/>: the
/// failure time, error and count are stored; a successful refresh (or a renewal) resets them.
/// </summary>
public sealed partial class GmailConnectionHealth(IGmailConnectionStore connectionStore, IDeliveryStore deliveryStore, ConnectionNotices notices, RelayEvents events, TimeProvider time, ILogger<GmailConnectionHealth> logger,
    MetricCounters counters)
{
    public async Task RecordRefreshFailureAsync(string userId, bool permanent, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var connection = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
        var step = connection is null
            ? new EscalationStep(GmailConnectionStatus.Expired, 0, null, QueueMail: true)
            : EscalationPolicy.OnRefreshFailure(connection, permanent, error);
        // The connection is marked before mail is queued, so whoever sees queued mail also sees why.
        if (connection is not null) await connectionStore.UpdateGmailConnectionStatusAsync(userId, step.Status, step.FailureCount, error, now, cancellationToken);
        if (step.QueueMail)
        {
            var queued = await deliveryStore.QueueUserDeliveriesAsync(userId, DeliveryTarget.Gmail, error, now, cancellationToken);
            counters.DeliveryOutcome(DeliveryStatus.Queued, queued);
        }
        LogFailure(logger, userId, step.FailureCount, permanent, step.Status, error);
        if (connection is not null && step.Notice is { } kind) await NotifyAsync(connection with { Status = step.Status, FailureCount = step.FailureCount }, kind, error);
        events.Publish(new RelayChange("gmail.changed", userId, null));
    }

    public async Task RecordSuccessAsync(string userId, CancellationToken cancellationToken)
    {
        var connection = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
        if (connection is null || (connection.FailureCount == 0 && connection.Status == GmailConnectionStatus.Connected)) return;
        await connectionStore.UpdateGmailConnectionStatusAsync(userId, GmailConnectionStatus.Connected, 0, null, null, cancellationToken);
        events.Publish(new RelayChange("gmail.changed", userId, null));
    }

    private async Task NotifyAsync(GmailConnection connection, NoticeKind kind, string reason)
    {
        try
        {
            await notices.SendAsync(connection, kind, reason, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A notification that cannot be sent must not stop mail from being handled.
            LogNoticeFailed(logger, e, kind, connection.UserId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Token refresh for {UserId} failed (attempt {Attempt}, permanent: {Permanent}); connection is now {Status}: {Error}")]
    private static partial void LogFailure(ILogger logger, string userId, int attempt, bool permanent, GmailConnectionStatus status, string error);

    [LoggerMessage(LogLevel.Error, "The {Notice} email to {UserId} could not be sent")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, NoticeKind notice, string userId);
}
