using MailRelay.Core.Domain;
using MailRelay.Core.Ports;
using MailRelay.Core.Services.Forwarding;

namespace MailRelay.Core.Services.Gmail;

/// <summary>Stores a user's Gmail grant (encrypted) and delivers what waited for it at once.</summary>
public sealed class GmailConnections(IRelayStore store, ISecretProtector secrets, DeliverNow deliverNow, AuditLog audit, TimeProvider time)
{
    public async Task ConnectAsync(string userId, string gmailAddress, string refreshToken, string scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var protectedToken = await secrets.ProtectAsync(refreshToken, userId, cancellationToken);
        await store.SaveGmailConnectionAsync(new GmailConnection(userId, gmailAddress, protectedToken, scopes, time.GetUtcNow(), expiresAt,
            GmailConnectionStatus.Connected, 0, null, null), cancellationToken);
        await audit.RecordAsync(userId, AuditActions.GmailConnect, userId, gmailAddress, cancellationToken);
        await deliverNow.ForUserAsync(userId, cancellationToken);
    }

    public Task<GmailConnection?> FindAsync(string userId, CancellationToken cancellationToken) => store.FindGmailConnectionAsync(userId, cancellationToken);
}
