using MailRelay.Core.Audit;
using MailRelay.Core.Common;
using MailRelay.Core.Forwarding;
using MailRelay.Core.Storage;

namespace MailRelay.Core.Gmail;

/// <summary>
/// A user's Gmail grant: stored encrypted, replaced on every renewal (kept in the renewal history),
/// removed on disconnect. Connecting delivers what waited for it at once.
/// </summary>
public sealed class GmailConnections(IGmailConnectionStore connectionStore, IDeliveryStore deliveryStore, ISecretProtector secrets, DeliverNow deliverNow, AuditLog audit, RelayEvents events, TimeProvider time)
{
    /// <summary>The <see cref="RelayChange.Kind"/> published when a user's connection is stored or removed.</summary>
    public const string ChangedKind = "gmail.changed";

    /// <summary>
    /// Stores what a finished consent granted, unless it must be refused: no refresh token, or
    /// another Google account than the one already connected (that one is kept; disconnecting
    /// first is how a user switches accounts).
    /// </summary>
    public async Task<GmailConnectOutcome> CompleteConsentAsync(string userId, GmailGrant grant, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(grant.RefreshToken)) return GmailConnectOutcome.NoRefreshToken;
        var existing = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
        if (existing is not null && !string.Equals(existing.GmailAddress, grant.GmailAddress, StringComparison.OrdinalIgnoreCase))
        {
            await audit.RecordAsync(userId, AuditActions.GmailConnectRefused, userId, $"{GmailConnectOutcome.DifferentAccount}: {grant.GmailAddress} instead of {existing.GmailAddress}", cancellationToken);
            return GmailConnectOutcome.DifferentAccount;
        }
        await ConnectAsync(userId, grant.GmailAddress, grant.RefreshToken, string.Join(' ', grant.Scopes), grant.ExpiresAt, cancellationToken);
        return existing is null ? GmailConnectOutcome.Connected : GmailConnectOutcome.Renewed;
    }

    /// <summary>
    /// Stores the grant (replacing any earlier one, with its failures forgotten), records the
    /// renewal with how much mail waited, and makes that mail due now.
    /// </summary>
    public async Task ConnectAsync(string userId, string gmailAddress, string refreshToken, string scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var renewing = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken) is not null;
        var protectedToken = await secrets.ProtectAsync(refreshToken, userId, cancellationToken);
        var waiting = await deliveryStore.SummarizeUserQueueAsync(userId, null, cancellationToken);
        await connectionStore.SaveGmailConnectionAsync(new GmailConnection(userId, gmailAddress, protectedToken, scopes, now, expiresAt,
            GmailConnectionStatus.Connected, 0, null, null), cancellationToken);
        // Recorded before the queue is released, so the progress it anchors is there as soon as mail moves.
        await connectionStore.AddGmailRenewalAsync(new GmailRenewal(0, userId, now, gmailAddress, scopes, expiresAt,
            waiting.Pending + waiting.Queued + waiting.Retrying), cancellationToken);
        await audit.RecordAsync(userId, renewing ? AuditActions.GmailRenew : AuditActions.GmailConnect, userId, gmailAddress, cancellationToken);
        events.Publish(new RelayChange(ChangedKind, userId, null));
        await deliverNow.ForUserAsync(userId, cancellationToken);
    }

    /// <summary>
    /// Deletes the stored grant (revoking it at Google is the caller's part, before this). Queued
    /// mail stays queued until the user connects again. False when there was nothing to remove.
    /// </summary>
    public async Task<bool> DisconnectAsync(string userId, bool revokedAtGoogle, CancellationToken cancellationToken)
    {
        var existing = await connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
        if (existing is null || !await connectionStore.DeleteGmailConnectionAsync(userId, cancellationToken)) return false;
        await audit.RecordAsync(userId, AuditActions.GmailDisconnect, userId,
            $"{existing.GmailAddress}; {(revokedAtGoogle ? "revoked at Google" : "Google could not confirm the revocation")}", cancellationToken);
        events.Publish(new RelayChange(ChangedKind, userId, null));
        return true;
    }

    public Task<GmailConnection?> FindAsync(string userId, CancellationToken cancellationToken) => connectionStore.FindGmailConnectionAsync(userId, cancellationToken);
}
